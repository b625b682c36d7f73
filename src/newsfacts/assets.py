"""Where the pipeline assets (patterns, gazetteers) live: `models/` in the repo, shipped inside
the package as `newsfacts/models` by the wheel build."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def models_dir() -> Path:
    for candidate in (_PACKAGE_DIR / "models", _PACKAGE_DIR.parents[1] / "models"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("newsfacts' models/ folder is missing: reinstall the package")


def asset_path(name: str) -> Path:
    return models_dir() / name


def load_json_asset(name: str):
    with asset_path(name).open(encoding="utf-8") as handle:
        return json.load(handle)


def load_jsonl_asset(name: str) -> list:
    with asset_path(name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
