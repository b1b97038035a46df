from django.apps import AppConfig


class Config(AppConfig):
    name = "services"
    label = "services"
    verbose_name = "网上办事"

    def ready(self):
        from cluster.models.pages import register_home_section

        register_home_section("services.ServiceIndexPage")
