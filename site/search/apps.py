"""The cluster-wide public search (label ``search``; Wagtail's own admin search is ``wagtailsearch``)."""
from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = "站群搜索"

    def ready(self):
        from . import registry
        from .service import content_type_choices, organisation_choices, site_choices

        # the facets every content type has: what it is, where, by whom, when
        for facet in (
            registry.Facet("content_type", _("类型"), choices=content_type_choices, order=10,
                           description="content type, e.g. article"),
            registry.Facet("site", _("网站"), choices=site_choices, order=20,
                           description="host name of a site, e.g. fgw.localhost"),
            registry.Facet("organisation", _("发布机构"), choices=organisation_choices, order=30,
                           description="organisation code (18-character unified social credit code)"),
            registry.Facet("year", _("年份"), numeric=True, order=90, description="year of publication"),
        ):
            registry.register_facet(facet)
        # each app's search_indexes.py registers its content types (the module haystack reads too)
        autodiscover_modules("search_indexes")

        from django.db.models.signals import post_delete, post_save

        from .models import Synonym

        post_save.connect(_synonyms_changed, sender=Synonym, dispatch_uid="search-synonyms-saved")
        post_delete.connect(_synonyms_changed, sender=Synonym, dispatch_uid="search-synonyms-deleted")


def _synonyms_changed(sender, **kwargs):
    # every process reads the table again (no restart): search.synonyms, search.suggest
    from django.db import transaction

    from . import suggest, synonyms

    def bump():
        synonyms.bump()
        suggest.bump()

    transaction.on_commit(bump)
