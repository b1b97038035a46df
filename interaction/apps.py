from django.apps import AppConfig


class Config(AppConfig):
    name = "interaction"
    label = "interaction"
    verbose_name = "政民互动"

    def ready(self):
        from cluster.provision import site_provisioned

        from .casetype import register_case_type
        from .notify_templates import register_templates

        register_case_type()
        register_templates()
        site_provisioned.connect(_grant_on_provision, dispatch_uid="interaction-grant-site")


def _grant_on_provision(sender, site, **kwargs):
    from .service import grant_site_permissions

    grant_site_permissions(site)
