"""The administration's choice grid keeps whole labels: long ones (a measure's English name) go two a row instead of
being cut at both ends in a third of the row."""

from __future__ import annotations

from typing import Any

from kiosk.ui.admin.base import ChoiceGrid

LONG = ["Every measure", "Shopping street purchase rewards", "Residents only (card-face review)",
        "Child-raising support (post-review)"]


def test_long_labels_go_two_a_row_and_stay_whole(qtbot: Any) -> None:
    grid = ChoiceGrid([], columns=3, compact=True)
    qtbot.addWidget(grid)
    for i, text in enumerate(LONG):
        grid.addItem(text, i)
    grid.resize(925, 200)
    grid.show()
    qtbot.waitExposed(grid)
    rows = {b.y() for b in grid.buttons}
    assert len(rows) == 2  # 4 choices, two a row
    for button in grid.buttons:
        assert button.width() >= button.sizeHint().width(), (button.text(), button.width())
        assert button.toolTip() == button.text()
    grid.clear()
    for i, text in enumerate(["Grants", "Vouchers", "Shops"]):
        grid.addItem(text, i)
    qtbot.wait(10)
    assert len({b.y() for b in grid.buttons}) == 1  # short ones: three a row again
