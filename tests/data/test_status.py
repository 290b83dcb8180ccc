"""status: the labels of the seeds -> canonical codes; anything else is refused, never guessed."""

from __future__ import annotations

import pytest

from helpers.data.status import ACCEPTED_LABELS, CODES, accepted_text, key, normalise_status
from helpers.data.schemas import STATUS_CODES


@pytest.mark.parametrize("label, code", [
    ("Réalisé (100 %)", "done"), ("Réalisée", "done"), ("Réalisé(e)", "done"), ("réalisées", "done"),
    ("publié", "done"), ("Accompli", "done"), ("REALISE", "done"), ("« Réalisé »", "done"), (" réalisé. ", "done"),
    ("En cours", "in_progress"), ("En cours (avancé)", "in_progress"), ("En cours de réalisation", "in_progress"),
    ("En cours de publication", "in_progress"),
    ("Non réalisé", "not_started"), ("Non démarré", "not_started"), ("Prévu(e)", "not_started"),
    ("Prévue", "not_started"), ("Non réaalisé", "not_started"),
    ("Prévue à partir du 25 mars 2021", "not_started"), ("Réalisé le 12/03/2021", "done"),
    ("Non réalisé en 2021", "not_started"),
    ("Retardé(e)(s)", "delayed"), ("Retardées", "delayed"), ("En retard", "delayed"),
    ("En sérieux retard", "seriously_delayed"), ("Dans les délais", "on_time"), ("En avance", "ahead"),
    ("Annulé(e)", "cancelled"), ("Annulée", "cancelled"),
    ("done", "done"), ("completed", "done"), ("in progress", "in_progress"), ("in_progress", "in_progress"),
    ("not started", "not_started"), ("seriously_delayed", "seriously_delayed"), ("on_time", "on_time"),
    ("cancelled", "cancelled"), ("Canceled", "cancelled"),
    # written so in partners' tables (they were refused)
    ("Clôturé", "done"), ("Finalisée", "done"), ("Exécuté", "done"), ("finished", "done"),
    ("Pas commencé", "not_started"), ("Pas démarrée", "not_started"), ("Partiellement réalisé", "in_progress"), ("Reportée", "delayed"),
    ("postponed", "delayed"), ("Abandonné", "cancelled"), ("dropped", "cancelled"),
    # as an office types them: « Planifiée » was refused (unknown_status) though « Prévue » is read
    ("Planifiée", "not_started"), ("PLANIFIE", "not_started"), ("Programmée", "not_started"),
    ("Pas encore démarré", "not_started"), ("En cours d'exécution", "in_progress"),
    ("Achevée", "done"), ("Annulée", "cancelled"),
])
def test_known_labels(label, code):
    assert normalise_status(label) == code


@pytest.mark.parametrize("label", [
    "Fini ?", "xyz", "", "   ", None, 3,
    "Réalisé à 50 %",              # a remark that is not a date: refused, not guessed
    "En cours de validation",      # starts like a label, but not with a date remark
    "Presque réalisé",             # does not start with a label
    "Suspendu", "En préparation",  # which of the codes they are is the project's call (status_synonyms)
])
def test_unknown_labels(label):
    assert normalise_status(label) is None


def test_project_synonyms_are_matched_like_labels_and_win():
    synonyms = {"Suspendu(e)": "cancelled", "En retard": "seriously_delayed"}
    assert normalise_status("SUSPENDUE", synonyms) == "cancelled"
    assert normalise_status("En retard", synonyms) == "seriously_delayed"
    assert normalise_status("Suspendu", None) is None


def test_synonym_to_unknown_code_is_refused():
    with pytest.raises(ValueError):
        normalise_status("x", {"x": "finished"})


def test_vocabulary_covers_every_code_and_keys_do_not_collide():
    assert set(ACCEPTED_LABELS) == set(CODES) == set(STATUS_CODES)
    seen = {}
    for code, labels in ACCEPTED_LABELS.items():
        for label in labels:
            assert seen.setdefault(key(label), code) == code, label
            assert normalise_status(label) == code


def test_accepted_text_lists_labels_and_synonyms():
    text = accepted_text({"Suspendu": "cancelled"})
    assert "Réalisé(e)" in text and "En sérieux retard" in text and "Suspendu" in text
