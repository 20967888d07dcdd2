"""Poll sources now (all due ones, or those named), through the workers' functions."""

from django.core.management.base import BaseCommand, CommandError

from articles import ingest, polling
from articles.models import Source


class Command(BaseCommand):
    help = "Poll due sources (or the given source ids), then fetch and process new articles."

    def add_arguments(self, parser):
        parser.add_argument("source_ids", nargs="*", type=int)
        parser.add_argument("--no-fetch", action="store_true", help="only store new links")

    def handle(self, *args, source_ids, no_fetch, **options):
        if source_ids:
            missing = set(source_ids) - set(
                Source.objects.filter(pk__in=source_ids).values_list("pk", flat=True)
            )
            if missing:
                raise CommandError(f"no source with id {sorted(missing)}")
        else:
            source_ids = polling.claim_due_sources()
        for source_id in source_ids:
            outcome = polling.poll_source(source_id)
            if outcome.error_code:
                self.stderr.write(f"source {source_id}: {outcome.error_code}: {outcome.error}")
                continue
            self.stdout.write(
                f"source {source_id}: {outcome.found} links, {len(outcome.new_article_ids)} new"
                + (" (not modified)" if outcome.not_modified else "")
            )
            if no_fetch:
                continue
            for article_id in outcome.new_article_ids:
                ingest.fetch_and_process(article_id)
