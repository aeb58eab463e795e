"""The app with the lifter's own programs: a broken file is named once at start and skipped."""

from app_factory import settle
from gymtui.services.programs import save_own_program
from gymtui.store.catalog_files import load_catalog


async def test_a_broken_program_file_is_named_at_start_and_the_own_program_in_use_is_planned(data_dir, new_app):
    shipped = load_catalog().programs["minimal-two-day"]
    save_own_program(data_dir, shipped.model_copy(update={"id": "mine", "name": "Mine"}))
    (data_dir / "programs" / "broken.json").write_text('{"id": "broken"', encoding="utf-8")
    app = new_app()
    app.store.save_settings(app.store.settings().model_copy(update={"program": "mine"}))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        notes = [str(n.message) for n in app._notifications if n.title == "Program files"]
        assert len(notes) == 1
        assert notes[0].startswith("1 program file was skipped: programs/broken.json: not valid JSON")
        assert "Minimal A" in str(app.screen.query_one("#plan-title").render())
