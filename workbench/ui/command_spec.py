"""What one command of the main window is: the rows of the table in ``shortcuts``.

``where`` names the one place a key works (the ``IN_*`` constants); empty means
anywhere in the window.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QKeySequence

IN_ARTICLE = "in the article"
IN_LIST = "in the claim list"
IN_FIELD = "in a text field of the claim"
IN_EVIDENCE = "in the evidence list"
IN_COMPARE = "in the compare window"


@dataclass(frozen=True)
class Command:
    """One thing the user can do: where it is in the menus, its keys, and what it does."""

    name: str
    menu: str | None
    text: str
    keys: tuple[str, ...] = ()
    where: str = ""
    help: str = ""
    toolbar: str = ""  # its short label on the toolbar, if it is there
    checkable: bool = False
    separator: bool = False  # a separator line before it in its menu
    submenu: bool = False  # a submenu filled when it opens (recent files, verdicts)
    group: str = ""  # F1's heading for a command without a menu

    @property
    def label(self) -> str:
        """The text without mnemonic markers and dots: "Open recent", "Export"."""
        return self.text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()

    @property
    def shortcuts(self) -> list[QKeySequence]:
        """The QAction shortcuts: only for commands that work anywhere in the window."""
        return [QKeySequence(k) for k in self.keys] if not self.where else []

    def keys_text(self) -> str:
        """The keys as shown to people: "Ctrl+Shift+S", "N", "1–9"."""
        shown = [
            QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
            if not self.where and k
            else k
            for k in self.keys
        ]
        return " / ".join(shown)

    def tooltip(self) -> str:
        keys = self.keys_text()
        if not keys:
            return self.help or self.label
        where = f", {self.where}" if self.where else ""
        return f"{self.help or self.label} ({keys}{where})"
