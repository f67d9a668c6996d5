"""Settings: defaults, TOML file, --set overrides, clear errors."""

from __future__ import annotations

import dataclasses

import pytest

from sitrep.errors import SitrepError
from sitrep.nlp import resolve_model_name
from sitrep.settings import Settings, load_settings, settings_help


def test_settings_every_setting_has_help():
    assert all(help_text.strip() for _, _, help_text in settings_help())
    assert len(settings_help()) == len(dataclasses.fields(Settings))


def test_settings_file_then_overrides(tmp_path):
    cfg = tmp_path / "sitrep.toml"
    cfg.write_text('[sitrep]\nbatch_size = 8\ndb = "x.duckdb"\n')
    s = load_settings(cfg, ["batch_size=4", "prefer_official_model=false"])
    assert (s.batch_size, s.db, s.prefer_official_model) == (4, "x.duckdb", False)


def test_settings_unknown_and_bad_values_are_named():
    with pytest.raises(SitrepError, match="E901.*nosuch"):
        load_settings(None, ["nosuch=1"])
    with pytest.raises(SitrepError, match="E902.*batch_size"):
        load_settings(None, ["batch_size=many"])


def test_settings_model_name_is_a_setting():
    assert resolve_model_name(Settings(model="my_pipeline")) == "my_pipeline"
