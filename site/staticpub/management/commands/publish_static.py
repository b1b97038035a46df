from django.core.management.base import BaseCommand, CommandError

from staticpub import service


class Command(BaseCommand):
    help = "Write every static page of every site into a new tree, then switch nginx to it."

    def handle(self, *args, **options):
        if not service.enabled():
            raise CommandError("STATIC_PUBLISH_ROOT is not set: static publishing is off")

        def progress(done, total):
            self.stdout.write(f"  {done}/{total} addresses")

        result = service.rebuild(progress=progress)
        self.stdout.write(self.style.SUCCESS(
            f"{result['written']} files written of {result['addresses']} addresses; live: {service.live_dir()}"
        ))
