"""The trainer's compare window and participant mode, driven as a trainer and a participant
would drive them."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox

from workbench.core.models import Article, Claim
from workbench.presets import load_preset
from workbench.store import ProjectStore
from workbench.ui.workshop_models import SORT_ROLE
from workbench.workshop.exercise import pack, set_participant_name

SENTENCES = [
    "The city spent $4.2 million on the new bridge in 2021.",
    "Unemployment fell to 3.1 percent last year, the minister said.",
    "The river has flooded every spring since 1990.",
    "Police figures show crime fell by 12 percent.",
]
TEXT = "Workshop Article\n\n" + " ".join(SENTENCES)
KEY = ["True", "Mostly False", "False", "Mixture"]
RATINGS = {
    "Ana": ["True", "Mostly False", "False", "Mixture"],
    "Ben": ["Mostly True", "Mostly False", "Mixture", None],
    "Cleo": ["True", "Unproven", "False", "False"],
}


@pytest.fixture
def room(tmp_path):
    def setup(store):
        article = store.articles.add(Article(title="Workshop Article", text=TEXT))
        for sentence, verdict in zip(SENTENCES, KEY):
            start = TEXT.index(sentence)
            claim = store.claims.add(
                Claim(article_id=article.id, start=start, end=start + len(sentence), quote="")
            )
            store.claims.set_verdict(claim.id, verdict, rationale="the key's reason")

    key = tmp_path / "key.fcw"
    ProjectStore.create(key, scale=load_preset(), title="Bridge budget", setup=setup).close()
    exercise = tmp_path / "exercise.fcw"
    pack(key, exercise, lock=True)
    files = []
    for name, ratings in RATINGS.items():
        path = tmp_path / f"{name}.fcw"
        shutil.copy2(exercise, path)
        with ProjectStore.open(path) as store:
            set_participant_name(store, name)
            for claim, verdict in zip(store.claims.all(), ratings):
                if verdict:
                    store.claims.set_verdict(claim.id, verdict)
        files.append(path)
    return key, exercise, files


@pytest.fixture
def compare_window(qtbot):
    from workbench.ui.workshop_view import CompareWindow

    win = CompareWindow()
    qtbot.addWidget(win)
    win.show()
    yield win
    win.jobs.wait_all()


def run_compare(qtbot, win):
    with qtbot.waitSignal(win.comparison_shown, timeout=20000) as blocker:
        qtbot.mouseClick(win.compare_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def column(model, col):
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_compare_window_shows_figures_table_and_chart(qtbot, compare_window, room, qtmodeltester):
    key, _exercise, files = room
    win = compare_window
    win.add_files(files)
    win.set_key(key)
    result = run_compare(qtbot, win)
    assert win.figures["alpha_nominal"].text() == f"{9 / 49:.2f}"
    assert win.figures["percent"].text() == "25%"
    # the claims table starts with the most contested claim, as the comparison orders them
    assert column(win.claims_proxy, 0) == ["#4", "#3", "#1", "#2"]
    assert column(win.claims_proxy, 1)[0] == SENTENCES[3]  # the claim's text beside its number
    assert column(win.claims_proxy, 2)[0] == "100%"
    assert column(win.people_proxy, 0) == ["Ana", "Ben", "Cleo"]
    assert column(win.people_proxy, 2) == ["100%", "33%", "50%"]
    assert win.confusion_model.rowCount() > 0 and win.pairs_model.rowCount() == 3
    assert win.chart.claims == result.claims and win.chart.height() >= 4 * 30
    for model in (win.claims_model, win.people_model, win.pairs_model, win.confusion_model):
        qtmodeltester.check(model)
    # sorting goes by numbers, not by the text shown
    win.people_view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert column(win.people_proxy, 0) == ["Ana", "Cleo", "Ben"]
    assert win.people_proxy.index(0, 2).data(SORT_ROLE) == 1.0


def test_names_can_be_hidden_for_the_room(qtbot, compare_window, room, tmp_path):
    key, _exercise, files = room
    win = compare_window
    win.add_files(files)
    win.set_key(key)
    run_compare(qtbot, win)
    qtbot.mouseClick(win.hide_names, Qt.MouseButton.LeftButton)
    assert win.hide_names.isChecked()
    assert column(win.people_proxy, 0) == ["Participant 1", "Participant 2", "Participant 3"]
    assert all("Ana" not in text for text in column(win.pairs_proxy, 0))
    assert not win.file_list.isVisible() and "names hidden" in win.hidden_note.text()
    report = win.save_report(tmp_path / "room.html")
    html = report.read_text(encoding="utf-8")
    assert "Participant 2" in html and "Ben" not in html
    win.hide_names.setChecked(False)
    assert column(win.people_proxy, 0)[0] == "Ana"


def test_text_size_grows_tables_and_chart_for_a_projector(qtbot, compare_window, room):
    key, _exercise, files = room
    win = compare_window
    win.add_files(files)
    win.set_key(key)
    run_compare(qtbot, win)
    win.text_size.setValue(10)
    small = win.chart.sizeHint().height()
    win.text_size.setValue(28)
    assert win.results.font().pointSize() == 28
    assert win.chart.sizeHint().height() > small * 2
    assert win.figures["fleiss"].font().pointSize() == int(28 * 1.6)
    assert isinstance(win.claims_view.font(), QFont) and win.claims_view.font().pointSize() == 28


def test_a_file_of_another_exercise_is_refused_with_a_clear_message(
    qtbot, compare_window, room, tmp_path
):
    key, _exercise, files = room
    other = tmp_path / "other.fcw"
    pack(key, other)
    win = compare_window
    win.add_files([*files, other])
    with qtbot.waitSignal(win.comparison_failed, timeout=20000) as blocker:
        win.compare()
    assert "other.fcw belongs to another exercise" in blocker.args[0]
    assert "another exercise" in win.message.text()
    assert win.compare_button.isEnabled()


def test_merge_from_the_window(qtbot, compare_window, room, tmp_path):
    _key, _exercise, files = room
    win = compare_window
    win.add_files(files)
    with qtbot.waitSignal(win.merge_finished, timeout=20000) as blocker:
        win.merge_into(tmp_path / "curation.fcw")
    assert "merged Ana, Ben, Cleo" in blocker.args[0]


# -- participant mode, in the main window ---------------------------------------------------
@pytest.fixture
def main_window(qtbot):
    from workbench.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    yield win
    win.jobs.wait_all()
    win._close_store()


def test_participant_is_asked_for_a_name_once_and_it_is_stored(qtbot, main_window, room, tmp_path):
    _key, exercise, _files = room
    mine = tmp_path / "mine.fcw"
    shutil.copy2(exercise, mine)
    mode = main_window.workshop_mode
    with qtbot.waitSignal(mode.dialog_opened, timeout=5000) as opened:
        assert main_window.open_project(mine)
    dialog = opened.args[0]
    assert dialog.isVisible() and not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.name, "  Dana  ")
    with qtbot.waitSignal(mode.name_saved, timeout=5000):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    with ProjectStore.open(mine, readonly=True) as store:
        assert store.settings.get("workshop_participant") == "Dana"
    assert "Participant: Dana" in mode.label.text() and "locked" in mode.label.text()
    # opened again: the name is known, so nobody asks
    with qtbot.assertNotEmitted(mode.dialog_opened, wait=300):
        assert main_window.open_project(mine)
    assert "Dana" in mode.label.text()


def test_a_locked_exercise_cannot_be_re_detected_from_the_window(
    qtbot, main_window, room, tmp_path
):
    _key, _exercise, files = room
    before = [(c.id, c.start) for c in ProjectStore.open(files[0], readonly=True).claims.all()]
    assert main_window.open_project(files[0])
    redetect = main_window.actions["redetect"]
    assert not redetect.isEnabled() and "locked" in redetect.toolTip()
    assert not main_window.actions["import"].isEnabled()
    # even called directly, the operation refuses (the window says why) and the claims stay
    seen = []

    def close_warning():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.close()
        else:
            QTimer.singleShot(50, close_warning)

    with qtbot.waitSignal(main_window.jobs.ended, timeout=20000):
        QTimer.singleShot(50, close_warning)
        main_window.redetect()
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert "locked" in seen[0]
    with ProjectStore.open(files[0], readonly=True) as store:
        assert [(c.id, c.start) for c in store.claims.all()] == before


def test_an_ordinary_project_is_not_in_participant_mode(qtbot, main_window, seed_project):
    assert main_window.open_project(seed_project)
    mode = main_window.workshop_mode
    assert not mode.label.isVisible()
    assert main_window.actions["redetect"].isEnabled()
    assert not main_window.actions["workshop_name"].isEnabled()


def test_the_workshop_menu_opens_the_compare_window(qtbot, main_window):
    main_window.actions["workshop_compare"].trigger()
    win = main_window.compare_window
    qtbot.addWidget(win)
    assert win.isVisible() and win.windowTitle().startswith("Compare workshop files")
