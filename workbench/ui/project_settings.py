"""Project settings: who publishes (for ClaimReview) and what "done" requires."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from workbench.core.checks import MAX_MIN_EVIDENCE
from workbench.core.checks import SETTING_KEY as DONE_CHECKS_KEY
from workbench.core.errors import WorkbenchError
from workbench.core.urls import check_web_address
from workbench.io.export.report import ORGANISATION_KEY, REVIEW_URL_KEY
from workbench.store import ProjectStore
from workbench.ui.theme import set_tone


class ProjectSettingsDialog(QDialog):
    """Edits the project's settings; OK saves them (each a logged, committed change)."""

    def __init__(self, store: ProjectStore, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle("Project settings")
        organisation = store.settings.get(ORGANISATION_KEY) or {}
        rules = store.done.rules()

        self.organisation = QLineEdit(organisation.get("name", ""))
        self.organisation.setAccessibleName("Organisation name")
        self.organisation.setPlaceholderText("Published as the ClaimReview author")
        self.organisation_url = QLineEdit(organisation.get("url", ""))
        self.organisation_url.setAccessibleName("Organisation web site")
        self.organisation_url.setPlaceholderText("https://example.org/")
        self.review_url = QLineEdit(store.settings.get(REVIEW_URL_KEY, "") or "")
        self.review_url.setAccessibleName("Review base URL")
        self.review_url.setPlaceholderText("https://example.org/fact-checks/{id}")
        self.require_verdict = QCheckBox("a verdict is set")
        self.require_verdict.setChecked(rules.require_verdict)
        self.require_rationale = QCheckBox("a rationale is written")
        self.require_rationale.setChecked(rules.require_rationale)
        self.min_evidence = QSpinBox()
        self.min_evidence.setRange(0, MAX_MIN_EVIDENCE)
        self.min_evidence.setValue(rules.min_evidence)
        self.min_evidence.setAccessibleName("Minimum evidence items")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Settings message")
        set_tone(self.message, "error")

        form = QFormLayout()
        form.addRow("Organisation", self.organisation)
        form.addRow("Organisation web site", self.organisation_url)
        form.addRow("Review URL", self.review_url)
        hint = QLabel(
            "{id} is replaced by the claim's number (the # in the claim list); "
            "without it, #claim-NUMBER is added."
        )
        hint.setWordWrap(True)
        set_tone(hint, "muted")
        form.addRow("", hint)
        form.addRow(QLabel("<b>Before a claim can be marked done</b>"))
        form.addRow("", self.require_verdict)
        form.addRow("", self.require_rationale)
        form.addRow("Evidence items, at least", self.min_evidence)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(520, 0)

    def save(self) -> None:
        try:
            # Web addresses first: a bad one is refused before anything is saved.
            organisation_url = check_web_address(
                self.organisation_url.text(), "organisation web site"
            )
            review_url = check_web_address(self.review_url.text(), "review URL")
            self.organisation_url.setText(organisation_url)
            self.review_url.setText(review_url)
            rules = self.store.done.rules().replace(
                require_verdict=self.require_verdict.isChecked(),
                require_rationale=self.require_rationale.isChecked(),
                min_evidence=self.min_evidence.value(),
            )
            with self.store.transaction("Project settings"):  # all of them, or none
                self.store.settings.set(
                    ORGANISATION_KEY,
                    {
                        "name": self.organisation.text().strip(),
                        "url": organisation_url,
                    },
                )
                self.store.settings.set(REVIEW_URL_KEY, review_url)
                self.store.settings.set(DONE_CHECKS_KEY, rules.to_setting())
        except WorkbenchError as exc:
            self.message.setText(str(exc))
            return
        self.accept()
