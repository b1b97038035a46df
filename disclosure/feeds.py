"""RSS 2.0 and Atom feeds of a disclosure catalogue: the newest documents of the
catalogue's organisation (all organisations on the portal), optionally of one
topic (``?topic=code``). Links point to each document on its owning site."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

FEED_SIZE = 30


class CatalogueRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, catalogue):
        super().__init__()
        self.catalogue = catalogue

    def get_object(self, request, *args, **kwargs):
        from .models import Topic

        code = request.GET.get("topic", "")
        self.topic = Topic.objects.filter(code=code).first() if code else None
        self.request = request
        return self.catalogue

    def title(self, obj):
        name = obj.get_site().site_name if obj.get_site() else obj.title
        if self.topic:
            return _("%(site)s 政府信息公开：%(topic)s") % {"site": name, "topic": self.topic.name}
        return _("%(site)s 政府信息公开") % {"site": name}

    def link(self, obj):
        return obj.full_url

    def feed_url(self, obj):
        return self.request.build_absolute_uri()

    def description(self, obj):
        return obj.intro or _("法定主动公开内容的最新信息")

    def items(self, obj):
        docs = obj.documents()
        if self.topic:
            docs = docs.filter(Q(topic=self.topic) | Q(topic__parent=self.topic))
        return docs[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.full_url

    def item_guid(self, item):
        return item.full_url

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

    def item_pubdate(self, item):
        import datetime as dt

        from django.utils import timezone

        return timezone.make_aware(dt.datetime.combine(item.publish_date, dt.time(9, 0)))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_author_name(self, item):
        return item.organisation.name

    def item_categories(self, item):
        cats = [item.index_number, item.get_doc_type_display()]
        if item.topic_id:
            cats.append(item.topic.name)
        return cats


class CatalogueAtomFeed(CatalogueRssFeed):
    feed_type = Atom1Feed
    subtitle = CatalogueRssFeed.description
