from django.apps import AppConfig


class Config(AppConfig):
    name = "interaction.consultations"
    label = "consultations"
    verbose_name = "意见征集"

    def ready(self):
        from cluster.models.pages import register_home_section

        register_home_section("consultations.ConsultationIndexPage")
