from django.apps import AppConfig


class Config(AppConfig):
    name = "services.licensing"
    label = "licensing"
    verbose_name = "行政许可办件"

    def ready(self):
        from cluster.provision import site_provisioned

        site_provisioned.connect(_grant_on_provision, dispatch_uid="licensing-grant-site")

        from .casetype import register_case_type

        register_case_type()

        from .notify_templates import register_templates

        register_templates()

        from .accounts_section import register_sections

        register_sections()


def _grant_on_provision(sender, site, **kwargs):
    from .service import grant_site_permissions

    grant_site_permissions(site)
