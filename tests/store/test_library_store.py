"""The library file: its identity, versions, WAL, sources, projects and vectors."""

from __future__ import annotations

import sqlite3

import pytest

from workbench.core.errors import NewerVersionError, ProjectFileError
from workbench.core.reviews import Review
from workbench.store.library import LibraryStore, default_library_path
from workbench.store.library_schema import LIBRARY_APPLICATION_ID, LIBRARY_VERSION


def test_a_new_library_is_ours_in_wal_mode_in_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "data"))
    assert default_library_path() == tmp_path / "data" / "library.sqlite"
    with LibraryStore() as library:
        assert library.path == default_library_path()
        assert library.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert library.db.execute("PRAGMA application_id").fetchone()[0] == LIBRARY_APPLICATION_ID
        assert library.db.execute("PRAGMA user_version").fetchone()[0] == LIBRARY_VERSION


def test_a_newer_library_or_another_file_is_refused_untouched(tmp_path):
    newer = tmp_path / "newer.sqlite"
    with LibraryStore(newer):
        pass
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {LIBRARY_VERSION + 1}")
    conn.close()
    before = newer.read_bytes()
    with pytest.raises(NewerVersionError, match="newer version"):
        LibraryStore(newer)
    assert newer.read_bytes() == before
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(ProjectFileError, match="not a fact-check library"):
        LibraryStore(other)
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(ProjectFileError, match="not a SQLite file"):
        LibraryStore(text)
    assert text.read_text(encoding="utf-8") == "hello"


def test_a_failed_import_leaves_nothing_behind(tmp_path):
    def reviews():
        yield Review(claim="First.", url="https://a.example/1")
        raise RuntimeError("the file ended early")

    with LibraryStore(tmp_path / "l.sqlite") as library:
        with pytest.raises(RuntimeError):
            library.add_reviews(reviews(), "broken")
        assert library.stats()["reviews"] == 0
        assert library.sources() == []


def test_a_project_is_replaced_whole_and_vectors_follow_the_model(tmp_path):
    with LibraryStore(tmp_path / "l.sqlite") as library:
        rated = [
            Review(claim=f"Claim {i}.", verdict="False", project="/p.fcw", project_claim_id=i)
            for i in (1, 2, 3)
        ]
        counts, removed = library.replace_project("/p.fcw", rated)
        assert (counts.added, removed) == (3, 0)
        ids = [r.id for r in library.reviews()]
        library.set_vectors([(i, b"\x00" * 8) for i in ids], "model-a")
        assert library.count_missing_vectors() == 0
        # For another model every review lacks its vector, though none is NULL.
        assert library.count_missing_vectors("model-a") == 0
        assert library.count_missing_vectors("model-b") == 3
        # Claim 2 reworded, claim 3 no longer rated: one vector to recompute, one entry gone.
        counts, removed = library.replace_project(
            "/p.fcw",
            [
                rated[0],
                Review(
                    claim="Claim 2, reworded.", verdict="True", project="/p.fcw", project_claim_id=2
                ),
            ],
        )
        assert (counts.updated, removed) == (2, 1)
        assert [r.claim for r in library.reviews()] == ["Claim 1.", "Claim 2, reworded."]
        assert library.count_missing_vectors() == 1
        library.set_vectors([], "model-b")  # another model: every vector is dropped
        assert library.count_missing_vectors() == 2
        assert library.vector_model() == "model-b"
        assert library.remove_project_claim("/p.fcw", 1)
        assert [s.name for s in library.sources()] == ["project:/p.fcw"]
