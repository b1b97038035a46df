"""依申请公开: applications for government information under the 2019 Regulations."""
from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "disclosure.applications"
    label = "disclosure_applications"
    verbose_name = "依申请公开"

    def ready(self):
        from cluster.provision import site_provisioned

        site_provisioned.connect(_grant_on_provision, dispatch_uid="applications-grant-site")

        from .casetype import register_case_type

        register_case_type()

        from .notify_templates import register_templates

        register_templates()


def _grant_on_provision(sender, site, **kwargs):
    from .service import grant_site_permissions

    grant_site_permissions(site)
