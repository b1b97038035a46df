from django.apps import AppConfig


class Config(AppConfig):
    name = "interaction.surveys"
    label = "surveys"
    verbose_name = "网上调查"

    def ready(self):
        from cluster.models.pages import register_home_section

        register_home_section("surveys.SurveyIndexPage")
