"""The offline demo: sample Hindi news sites served locally, ingested through the
real pipeline (poll, fetch, parse, extract, resolve), then the site itself.

Runs on the embedded default (SQLite, tasks in-process). Safe to run again: sources
and articles are keyed by URL, so a second run adds nothing that is already there.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from articles import demo_sites, ingest, polling
from articles.models import Source, SourceKind

SITES_ROOT = Path(settings.BASE_DIR) / "fixtures" / "sites"
KINDS = {
    "rss": SourceKind.RSS,
    "atom": SourceKind.RSS,
    "sitemap": SourceKind.SITEMAP,
    "listing": SourceKind.LISTING,
}


class Command(BaseCommand):
    help = "Serve the sample news sites, ingest them through the pipeline, and run the site."

    def add_arguments(self, parser):
        parser.add_argument("--sites-port", type=int, default=8765)
        parser.add_argument("--addr", default="127.0.0.1:8000", help="where the site listens")
        parser.add_argument("--no-serve", action="store_true", help="ingest, then exit")

    def handle(self, *args, sites_port, addr, no_serve, **options):
        if not settings.FETCH_ALLOW_PRIVATE:
            raise CommandError("the demo fetches from 127.0.0.1: run it with FETCH_ALLOW_PRIVATE=1")
        call_command("migrate", verbosity=0, interactive=False)
        call_command("load_reference_data", verbosity=0)
        try:
            server, base_url = demo_sites.serve_sites(SITES_ROOT, port=sites_port)
        except OSError as exc:
            raise CommandError(
                f"cannot serve the sample sites on port {sites_port}: {exc}"
            ) from exc
        self.stdout.write(f"Sample news sites at {base_url}")
        for source in self.create_sources(base_url):
            self.ingest_source(source)
        if no_serve:
            server.shutdown()
            return
        self.stdout.write(self.style.SUCCESS(f"Samvad at http://{addr}/ (Ctrl-C to stop)"))
        call_command("runserver", addr, use_reloader=False)

    def create_sources(self, base_url: str) -> list[Source]:
        manifest = json.loads((SITES_ROOT / "manifest.json").read_text(encoding="utf-8"))
        sources = []
        for site in manifest:
            kind = KINDS[site["kind"]]
            path = site["listing"] if kind == SourceKind.LISTING else site["feed"]
            source, _ = Source.objects.update_or_create(
                feed_url=f"{base_url.rstrip('/')}/{site['site']}/{path.lstrip('/')}",
                defaults={
                    "name": site["name"],
                    "kind": kind,
                    "homepage": f"{base_url.rstrip('/')}/{site['site']}/",
                    "link_selector": site.get("link_selector", ""),
                },
            )
            sources.append(source)
        return sources

    def ingest_source(self, source: Source) -> None:
        outcome = polling.poll_source(source.pk)
        if outcome.error_code:
            self.stderr.write(f"{source.name}: {outcome.error_code}: {outcome.error}")
            return
        for article_id in outcome.new_article_ids:
            ingest.fetch_and_process(article_id)
        self.stdout.write(
            f"{source.name}: {outcome.found} links, {len(outcome.new_article_ids)} new articles"
        )
