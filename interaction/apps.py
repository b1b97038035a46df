from django.apps import AppConfig


class Config(AppConfig):
    name = "interaction"
    label = "interaction"
    verbose_name = "政民互动"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from cluster.frame import register_nav_link
        from cluster.provision import site_provisioned

        from . import static_pages  # noqa: F401  (registers 来信选登 with staticpub)
        from .casetype import register_case_type
        from .notify_templates import register_templates

        # the mailboxes are a view, not a page: the navigation links them itself
        register_nav_link("interaction", _("政民互动"), "interaction:mailboxes", order=50)
        register_case_type()
        register_templates()
        site_provisioned.connect(_grant_on_provision, dispatch_uid="interaction-grant-site")


def _grant_on_provision(sender, site, **kwargs):
    from .service import grant_site_permissions

    grant_site_permissions(site)
