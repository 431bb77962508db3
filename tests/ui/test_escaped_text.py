"""Words with "&", "<" and straight apostrophes show as written in the claim panel and in
the "Checked before" rows: never "&#x27;" or "&amp;" (Qt takes a line without tags for
plain text, so text escaped for rich text must be shown as rich text)."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from workbench import ops
from workbench.core.reviews import Review
from workbench.library.matcher import Match
from workbench.ui.text_fields import quoted

ARTICLE = (
    "The mayor's $12m road plan passes\n\n"
    "The council's road budget rose to $12 million in 2024, the mayor's office said, up"
    " from $9 million in 2023.\n\n"
    "Repairs & resurfacing will cover 40 miles of roads, according to the council's"
    " figures.\n\n"
    "Opposition councillors said the plan was late.\n"
)


def shown(label) -> str:
    """What a label puts on screen, as plain text: its text as it is when the label reads
    it as plain text (set so, or guessed so by Qt), else the text of its HTML."""
    form = label.textFormat()
    if form == Qt.TextFormat.PlainText or (
        form == Qt.TextFormat.AutoText and not QtGui.Qt.mightBeRichText(label.text())
    ):
        return label.text()
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def test_the_claim_panel_shows_quotes_and_reasons_as_written(qtbot, tmp_path):
    from workbench.ui.main_window import MainWindow

    article = tmp_path / "plan.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    project = tmp_path / "plan.fcw"
    ops.new_project(project, article).close()
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    assert window.open_project(project)
    try:
        claims = window.store.claims.all()
        with_marks = [c for c in claims if "'" in c.quote or "&" in c.quote]
        assert len(with_marks) >= 2, [c.quote for c in claims]
        for claim in claims:
            window.claim_list.table.setFocus()
            window.claim_list.select_claim(claim.id)
            assert shown(window.detail.quote) == quoted(claim.quote)
            reasons = shown(window.detail.reasons)
            assert reasons and "&#x27;" not in reasons and "&amp;" not in reasons
    finally:
        window.jobs.wait_all()
        window._close_store()


def test_a_checked_before_row_shows_the_review_as_written(qtbot):
    from workbench.ui.checked_before import MatchRow

    review = Review(
        claim="Bananas can't cure colds & flu <yet>.",
        url="https://x.example/bananas",
        verdict="Mostly 'false'",
        publisher="Desk's Checks & Co",
        date="2024-03-01",
    )
    row = MatchRow(Match(review, 0.9, True))
    qtbot.addWidget(row)
    assert shown(row.text) == "Bananas can't cure colds & flu <yet>."
    assert shown(row.verdict) == "Mostly 'false'"
    assert shown(row.details) == "Desk's Checks & Co · 2024-03-01"


def test_a_quotation_is_shown_between_its_own_marks_once():
    words = "Russia has received 2 million rounds."
    assert quoted(words) == f"“{words}”"
    own = "“So, there is no problem for the Chinese,” he said."
    assert quoted(own) == own
    assert quoted('"Straight marks too," she said.') == '"Straight marks too," she said.'
