"""The set-up screens that create and move (issue 12), end to end against the demo's real cloud: a new point type,
a new measure (and a form with a bad date refused before anything is sent), a programme moved to another
department and point type, and a new shop terminal's shop found by typing part of its name, street or number."""

from __future__ import annotations

from typing import Any

from .test_admin_flow import idle, open_task, result_of


def _setup(admin: Any, qtbot: Any, section: str) -> Any:
    screen = open_task(admin, qtbot, "admin_setup")
    screen.section.setCurrentData(section)
    idle(screen, qtbot)
    return screen


def test_a_new_point_type_from_the_screen(admin: Any, qtbot: Any) -> None:
    screen = _setup(admin, qtbot, "point_types")
    assert screen.new_button.isVisible()
    screen.new_button.click()
    form = screen.form_for["point_types"]
    assert form.inputs["code"].isEnabled()
    form.inputs["code"].edit.setText("fuchu-eco")
    form.inputs["name"].edit.setText("府中エコポイント")
    form.inputs["name_en"].edit.setText("Fuchu eco points")
    form.inputs["offline_limit_per_card_per_day"].edit.setText("1,000")
    screen.save_button.click()
    assert result_of(screen, qtbot)[0] == "success"
    idle(screen, qtbot)
    made = [p for p in screen.service.setup_cache["point_types"] if p["code"] == "fuchu-eco"]
    assert made and made[0]["offline_limit_per_card_per_day"] == 1000
    screen.close_result()
    row = next(i for i, p in enumerate(screen.rows) if p["code"] == "fuchu-eco")
    screen.open_row(row)  # an existing one: its code cannot be changed here
    assert not form.inputs["code"].isEnabled()


def test_a_new_measure_from_the_screen(admin: Any, qtbot: Any) -> None:
    screen = _setup(admin, qtbot, "measures")
    before = len(screen.service.setup_cache["measures"])
    screen.new_button.click()
    form = screen.form_for["measures"]
    form.inputs["name"].edit.setText("子育て応援ポイント")
    form.inputs["points_per_person"].edit.setText("3000")
    form.inputs["opens_at"].edit.setText("2027-04-01")
    form.inputs["closes_at"].edit.setText("2027-03-01")  # before the first day
    form.inputs["capacity"].edit.setText("500")
    form.inputs["payment_services"].edit.setText("Aペイ、Bマネー")
    form.inputs["point_type_id"].setCurrentIndex(0)
    form.inputs["review"].setCurrentData("post")
    form.inputs["eligibility"].setCurrentData("open")
    form.inputs["kind"].setCurrentData("grant")
    screen.save_button.click()
    kind, _text = result_of(screen, qtbot)
    assert kind == "error"
    assert len(screen.service.setup()["measures"]) == before  # nothing was sent
    screen.close_result()
    form.inputs["closes_at"].edit.setText("2027/06/30")
    screen.save_button.click()
    assert result_of(screen, qtbot)[0] == "success"
    idle(screen, qtbot)
    made = [m for m in screen.service.setup_cache["measures"] if m["name"] == "子育て応援ポイント"]
    assert made and made[0]["capacity"] == 500 and made[0]["review"] == "post"
    assert made[0]["payment_services"] == ["Aペイ", "Bマネー"]
    assert str(made[0]["closes_at"]).startswith("2027-06-30")


def test_a_programme_moves_to_another_department_and_point_type(admin: Any, qtbot: Any) -> None:
    svc = admin.ctx.admin.service
    second = svc.add("point-types", {"code": "second-ui", "name": "第二ポイント", "name_en": "Second"})
    dept = svc.add("departments", {"name": "環境課", "name_en": "Environment"})["id"]
    programme = svc.add("programmes", {"department_id": 1, "point_type_id": 1, "name": "移る事業",
                                       "name_en": "Moving"})["id"]
    screen = open_task(admin, qtbot, "admin_setup")
    screen.section.setCurrentData("point_types")  # the choices are made when a section is first shown
    screen.section.setCurrentData("programmes")
    idle(screen, qtbot)
    form = screen.form_for["programmes"]
    form.inputs["department_id"].clear()
    form.inputs["point_type_id"].clear()
    screen.show_section()
    row = next(i for i, p in enumerate(screen.rows) if p["id"] == programme)
    screen.open_row(row)
    form.inputs["department_id"].setCurrentData(dept)
    form.inputs["point_type_id"].setCurrentData(second["point_type"]["id"])
    screen.save_button.click()
    assert result_of(screen, qtbot)[0] == "success"
    idle(screen, qtbot)
    moved = next(p for p in svc.setup_cache["programmes"] if p["id"] == programme)
    assert moved["department_id"] == dept and moved["point_type_id"] == second["point_type"]["id"]
    entries = svc.history(action="setup_programme")["entries"]
    assert str(programme) in str(entries[0]) and "department_id" in str(entries[0])


def test_a_new_shop_terminal_finds_its_shop_by_typing(admin: Any, qtbot: Any) -> None:
    svc = admin.ctx.admin.service
    for i in range(30):  # more shops than the screen shows at once
        svc.add("shops", {"name": f"テスト商店{i:02d}", "street": "さくら通り"})
    street = svc.add("shops", {"name": "ｶﾌｪ 木漏れ日", "street": "けやき並木"})["id"]
    svc.setup()
    screen = open_task(admin, qtbot, "admin_terminals")
    screen.new_button.click()
    screen.role_choice.setCurrentData("store")
    screen.name_field.edit.setText("レジ 1")
    assert screen.shop_search.isVisible()
    assert screen.shop_choice.count() == 8 and "8" in screen.shop_label.text()
    assert not screen.code_button.isEnabled()  # no shop chosen yet
    screen.shop_search.edit.setText("カフェ")  # half-width katakana in the name: found all the same
    assert screen.shop_choice.count() == 1 and screen.shop_choice.currentData() == street
    assert screen.code_button.isEnabled()
    screen.shop_search.edit.setText("けやき並")
    assert screen.shop_choice.currentData() == street
    screen.shop_search.edit.setText(str(street))
    assert street in [screen.shop_choice._data[i] for i in range(screen.shop_choice.count())]
    screen.shop_search.edit.setText("テスト商店1")
    assert screen.shop_choice.count() == 8 and screen.shop_choice.currentData() is None  # 10 match, 8 shown
    screen.shop_search.edit.setText("存在しない店")
    assert screen.shop_choice.count() == 0 and not screen.code_button.isEnabled()
    screen.shop_search.edit.setText("テスト商店07")
    assert screen.shop_choice.count() == 1
    screen.code_button.click()
    idle(screen, qtbot)
    assert screen.stack.currentIndex() == 2 and screen.code_text.text()
