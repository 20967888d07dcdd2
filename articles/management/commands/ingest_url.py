"""Fetch, parse, extract and resolve URLs now, synchronously, as the workers do."""

from django.core.management.base import BaseCommand, CommandError

from articles import ingest
from articles.models import Article


class Command(BaseCommand):
    help = "Fetch, parse, extract and resolve the given URLs now."

    def add_arguments(self, parser):
        parser.add_argument("urls", nargs="+")

    def handle(self, *args, urls, **options):
        failed = 0
        for url in urls:
            try:
                outcome = ingest.ingest_url(url)
            except ValueError as exc:
                self.stderr.write(str(exc))
                failed += 1
                continue
            article = Article.objects.get(pk=outcome.article_id)
            if article.error_code:
                failed += 1
                self.stderr.write(f"{url}: {article.error_code}: {article.error}")
            else:
                meetings = ", ".join(f"#{pk}" for pk in outcome.meeting_ids) or "none"
                self.stdout.write(f"{url}: {article.status}, meetings {meetings}")
        if failed:
            raise CommandError(f"{failed} of {len(urls)} URLs failed")
