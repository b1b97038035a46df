from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    name = "disclosure"
    verbose_name = "政府信息公开"

    def ready(self):
        from cluster.models.pages import register_home_section

        register_home_section("disclosure.DisclosureIndexPage")
