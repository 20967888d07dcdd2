"""Send articles whose task was lost round the pipeline now (the sweeper's command)."""

import datetime

from django.core.management.base import BaseCommand

from articles import ingest


class Command(BaseCommand):
    help = "Fetch and process articles stuck pending or fetched (the beat sweeper's job)."

    def add_arguments(self, parser):
        parser.add_argument("--minutes", type=int, default=30, help="idle for at least this long")

    def handle(self, *args, minutes, **options):
        ids = ingest.stuck_article_ids(datetime.timedelta(minutes=minutes))
        for article_id in ids:
            ingest.fetch_and_process(article_id)
        self.stdout.write(f"processed {len(ids)} stuck articles")
