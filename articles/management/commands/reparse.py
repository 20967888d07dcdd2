"""Re-run parsing, extraction and resolution on stored pages, without refetching."""

from django.core.management.base import BaseCommand, CommandError

from articles import ingest
from articles.models import Article


class Command(BaseCommand):
    help = "Re-parse stored pages (--all, or the given article ids) without refetching."

    def add_arguments(self, parser):
        parser.add_argument("article_ids", nargs="*", type=int)
        parser.add_argument("--all", action="store_true", help="every article with a page")

    def handle(self, *args, article_ids, all, **options):
        if not article_ids and not all:
            raise CommandError("give article ids or --all")
        qs = Article.objects.exclude(raw_html_z=None)
        if not all:
            qs = qs.filter(pk__in=article_ids)
        # Oldest first, so that the same pages always resolve in the same order.
        ids = list(qs.order_by("published_at", "pk").values_list("pk", flat=True))
        for pk in ids:
            ingest.process_article(pk, force=True)
        self.stdout.write(f"reparsed {len(ids)} articles")
