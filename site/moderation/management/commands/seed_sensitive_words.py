from django.core.management.base import BaseCommand

from moderation import service
from moderation.seed import SEED


class Command(BaseCommand):
    help = "Add the neutral starter list of sensitive words (re-runnable: nothing is duplicated)."

    def handle(self, *args, **options):
        added = 0
        for category, words in SEED.items():
            added += len(service.import_words(words, category=category, note="初始词表").added)
        self.stdout.write(f"sensitive words: {added} added")
