"""RSS 2.0 and Atom feeds of a disclosure catalogue: the newest documents of the
catalogue's organisation (all organisations on the portal), optionally of one
topic (``?topic=code``). Links point to each document on its owning site.

Documents without a known 发布日期 (imported from a source that had none) are
left out: Atom requires a date on every entry and feed readers sort by it, so
any stand-in date would either invent one or list a 1950s document as new;
they stay in the catalogue, listed after the dated ones."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext as _

from cluster.feeds import PageFeed, atom


class CatalogueRssFeed(PageFeed):
    def get_object(self, request, *args, **kwargs):
        from .models import Topic

        code = request.GET.get("topic", "")
        self.topic = Topic.objects.filter(code=code).first() if code else None
        return super().get_object(request, *args, **kwargs)

    def title(self, obj):
        name = obj.get_site().site_name if obj.get_site() else obj.title
        if self.topic:
            return _("%(site)s 政府信息公开：%(topic)s") % {"site": name, "topic": self.topic.name}
        return _("%(site)s 政府信息公开") % {"site": name}

    def description(self, obj):
        return obj.intro or _("法定主动公开内容的最新信息")

    def items(self, obj):
        docs = obj.documents().filter(publish_date__isnull=False)
        if self.topic:
            docs = docs.filter(Q(topic=self.topic) | Q(topic__parent=self.topic))
        return docs[: self.size]

    def item_description(self, item):
        parts = [
            _("索引号：%(n)s") % {"n": item.index_number},
            _("发布机构：%(o)s") % {"o": item.organisation.name},
        ]
        if item.doc_number:
            parts.append(_("发文字号：%(n)s") % {"n": item.doc_number})
        if item.summary:
            parts.append(item.summary)
        # Plain text; the feed generator escapes it.
        return "\n".join(parts)

    def item_author_name(self, item):
        return item.organisation.name

    def item_categories(self, item):
        cats = [item.index_number, item.get_doc_type_display()]
        if item.topic_id:
            cats.append(item.topic.name)
        return cats


CatalogueAtomFeed = atom(CatalogueRssFeed)
