"""`manage.py evaluate_extraction GOLD.json [--verbose]`: score the extractor on labelled pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.evaluation import evaluate_gold
from articles.gazetteer import load_gazetteer_from_files


class Command(BaseCommand):
    help = "Precision, recall and F1 of extraction against gold labels (reference fixtures)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("gold", help="gold.json; page files are relative to it")
        parser.add_argument("--verbose", action="store_true", help="list each document's misses")
        parser.add_argument("--reference", default="fixtures/reference", help="reference data")

    def handle(self, *args: Any, **options: Any) -> None:
        gold = Path(options["gold"])
        if not gold.is_file():
            raise CommandError(f"No such file: {gold}")
        try:
            report = evaluate_gold(gold, load_gazetteer_from_files(options["reference"]))
        except (ValueError, KeyError, OSError) as exc:
            raise CommandError(f"Cannot evaluate {gold}: {exc}") from None
        self.stdout.write(report.table())
        if options["verbose"]:
            for doc_id, misses in report.misses.items():
                self.stdout.write(f"\n{doc_id}")
                for miss in misses:
                    self.stdout.write(f"  {miss}")
