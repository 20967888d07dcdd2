"""docker-compose.yml parses and every command it runs exists in the project."""

from __future__ import annotations

import importlib
import shlex
from pathlib import Path

import yaml
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[1]


def load_compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def service_commands(compose: dict) -> dict[str, list[list[str]]]:
    """Each service's command, split into the shell commands it chains with &&."""
    found = {}
    for name, service in compose["services"].items():
        command = service.get("command")
        if command is None:
            continue
        if isinstance(command, str):
            command = shlex.split(command)
        if command[:2] == ["sh", "-c"]:
            found[name] = [shlex.split(part) for part in command[2].split("&&")]
        else:
            found[name] = [command]
    return found


def test_compose_has_the_services_samvad_needs():
    services = load_compose()["services"]
    assert {"postgres", "redis", "web", "worker", "beat", "mailpit"} <= set(services)
    assert (ROOT / services["web"].get("build", ".")).joinpath("Dockerfile").exists()


def test_every_command_in_compose_exists_in_the_project():
    commands = get_commands()
    seen = 0
    for service, chain in service_commands(load_compose()).items():
        for argv in chain:
            seen += 1
            if argv[:2] == ["python", "manage.py"]:
                assert argv[2] in commands, f"{service}: no management command {argv[2]}"
            elif argv[0] == "gunicorn":
                module, _, attr = argv[1].partition(":")
                assert hasattr(importlib.import_module(module), attr), f"{service}: {argv[1]}"
            elif argv[0] == "celery":
                app_module = argv[argv.index("-A") + 1]
                assert hasattr(importlib.import_module(app_module), "celery_app")
                assert argv[argv.index("-A") + 2] in {"worker", "beat"}
            elif service in {"redis", "postgres"}:
                continue
            else:
                raise AssertionError(f"{service}: unchecked command {argv}")
    assert seen >= 5
