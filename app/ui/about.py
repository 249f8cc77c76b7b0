"""About Sitbreak, and the safety notice shown once on the first run.

Both say the same thing about safety, in the same words: the exercises are general fitness
advice, not medical advice. The About box also says where Sitbreak keeps its files (the
composition root passes the real paths, so ``--basedir`` shows its own) and that nothing
leaves the computer. When to show the first-run notice is the caller's decision
(``State.first_run_done``); this module only shows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME

LICENCE = "GPL-3.0-or-later"
SAFETY_CONTEXT = "Safety"
"""The translation context of the safety text, shared by the dialog and the notice."""


def safety_text() -> str:
    """The not-medical-advice sentence, in the user's language."""
    return QCoreApplication.translate(
        SAFETY_CONTEXT,
        "This is general fitness advice, not medical advice. Stop if a movement hurts, "
        "and ask a professional about pain that stays.",
    )


@dataclass(frozen=True, slots=True)
class FileLocations:
    """Where this instance keeps what the user may want to back up, edit or delete."""

    settings: Path
    exercises: Path
    """The folder for the user's own exercise files."""
    database: Path
    log: Path


class AboutDialog(QDialog):
    """Name, version, what Sitbreak does, safety, where the files are, licence, privacy."""

    def __init__(
        self, version: str, locations: FileLocations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About %1").replace("%1", APP_NAME))

        self.title_label = QLabel(f"{APP_NAME} {version}")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)

        self.purpose_label = self._paragraph(
            self.tr(
                "Sitbreak watches how long you sit at your desk, without recording what you "
                "do, and asks you to stand up before a sitting spell grows long. Each prompt "
                "suggests a short movement for the back of the body (glutes, hamstrings, "
                "calves, lower back, hip flexors, quads), with a picture and plain steps, "
                "rotating so that every part gets its turn."
            )
        )
        self.safety_label = self._paragraph(safety_text())
        self.privacy_label = self._paragraph(
            self.tr(
                "Nothing leaves your computer: no account, no tracking, no network. "
                "Your sitting log stays in the files below."
            )
        )
        self.licence_label = self._paragraph(
            self.tr("Free software under the %1 licence.").replace("%1", LICENCE)
        )

        files = QFormLayout()
        self.location_labels: dict[str, QLabel] = {}
        rows = (
            ("settings", self.tr("Settings"), locations.settings),
            ("exercises", self.tr("Your exercises"), locations.exercises),
            ("database", self.tr("Sitting log"), locations.database),
            ("log", self.tr("Log file"), locations.log),
        )
        for key, title, path in rows:
            value = QLabel(str(path))
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.location_labels[key] = value
            files.addRow(title, value)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        for label in (self.title_label, self.purpose_label, self.safety_label):
            layout.addWidget(label)
        layout.addLayout(files)
        for label in (self.privacy_label, self.licence_label):
            layout.addWidget(label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def text(self) -> str:
        """Everything the dialog says, for tests and accessibility checks."""
        labels = [
            self.title_label,
            self.purpose_label,
            self.safety_label,
            *self.location_labels.values(),
            self.privacy_label,
            self.licence_label,
        ]
        return "\n".join(label.text() for label in labels)

    @staticmethod
    def _paragraph(text: str) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        return label


def show_first_run_notice(parent: QWidget | None = None) -> QMessageBox:
    """Show the safety notice without blocking anything; it deletes itself when closed.

    Non-modal, so a first prompt or the tray menu still works while it is open.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(
        QCoreApplication.translate("FirstRunNotice", "Welcome to %1").replace("%1", APP_NAME)
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        QCoreApplication.translate(
            "FirstRunNotice",
            "Sitbreak will ask you to stand up now and then, and suggest a short movement.",
        )
    )
    box.setInformativeText(safety_text())
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box
