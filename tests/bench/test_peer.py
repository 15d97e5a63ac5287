"""The peer comparison's pure parts (bench/peer_report.py, bench/peer_rt.py), no RT."""

from bench.peer_report import block_order
from bench.peer_report import compare
from bench.peer_report import markdown
from bench.peer_report import memory_row
from bench.peer_rt import RT
from bench.peer_rt import pss_kb
from bench.peer_rt import rss_kb
from bench.peer_rt import seed_lines
from bench.peer_rt import site_config
from pathlib import Path
import os
import re


def test_ratios_are_ours_over_rt_at_p50_and_p95():
    ours = {"create": [0.1] * 19 + [0.3], "search": [0.02, 0.02]}
    rt = {"create": [0.5] * 19 + [1.0], "search": [0.1, 0.1]}
    rows = {row["operation"]: row for row in compare(ours, rt)}
    assert rows["create"]["ours_p50_ms"] == 100.0
    assert rows["create"]["rt_p50_ms"] == 500.0
    assert rows["create"]["ratio_p50"] == 0.2
    assert rows["create"]["ratio_p95"] == 0.2  # nearest rank: the 19th of 20
    assert rows["search"]["ratio_p50"] == 0.2
    assert "queue" not in rows  # measured by neither


def test_a_missing_side_gives_no_ratio():
    rows = compare({"queue": [0.01]}, {})
    assert rows[0]["ratio_p50"] is None
    assert rows[0]["rt_p50_ms"] is None


def test_blocks_alternate_which_system_goes_first():
    assert [block_order(b)[0] for b in range(4)] == ["ours", "rt", "ours", "rt"]
    assert all(sorted(block_order(b)) == ["ours", "rt"] for b in range(4))


def test_memory_ratio():
    assert memory_row(256 * 1024, 1024 * 1024) == {
        "ours_rss_mb": 256.0,
        "rt_rss_mb": 1024.0,
        "ratio": 0.25,
    }


def test_memory_with_proportional_set_size():
    row = memory_row(300 * 1024, 600 * 1024, 280 * 1024, 350 * 1024)
    assert row["ratio"] == 0.5
    assert row["pss_ratio"] == 0.8
    text = markdown(
        {
            "rt_version": "5",
            "started": "",
            "finished": "",
            "machine": "",
            "load_before": "",
            "load_after": "",
            "setup": "",
            "rows": [],
            "memory": row,
        }
    )
    assert "**0.8×**" in text


def test_report_lists_each_operation_ratio_memory_and_load():
    result = {
        "rt_version": "5.0.3",
        "started": "2026-12-03 03:00 UTC",
        "finished": "03:10 UTC",
        "machine": "cores: 2",
        "load_before": "load average: 4.0",
        "load_after": "load average: 5.0",
        "loads": [4.1, 4.5],
        "setup": "3000 items each.",
        "rows": compare({"create": [0.1], "queue": [0.01]}, {"create": [0.4]}),
        "memory": memory_row(100, 400),
    }
    text = markdown(result)
    assert "| create one ticket / register one inquiry (REST) | 1 |" in text
    assert "0.25×" in text
    assert "**0.25×**" in text
    assert "load average: 4.0" in text and "4.1, 4.5" in text


def test_site_config_uses_its_own_database_and_the_postgresql_full_text_index(
    tmp_path,
):
    text = site_config("rt5_bench_peer", 18080, tmp_path)
    assert "Set($DatabaseType, 'Pg');" in text
    assert "Set($DatabaseHost, '127.0.0.1');" in text
    assert "Set($DatabaseName, 'rt5_bench_peer');" in text
    assert "Set($WebBaseURL, 'http://127.0.0.1:18080');" in text
    assert "Set($WebPath, '');" in text
    assert re.search(r"Indexed\s*=> 1", text)
    assert "Table   => 'AttachmentsIndex'" in text
    assert "Column  => 'ContentIndex'" in text
    assert "Set($MailCommand, 'testfile');" in text  # no mail leaves the machine
    assert text.rstrip().endswith("1;")


def test_rt_reads_only_the_written_configuration(tmp_path):
    rt = RT(tmp_path / "rt", "rt5_x", 18081)
    path = rt.write_config()
    assert path.read_text() == site_config("rt5_x", 18081, tmp_path / "rt")
    # Absolute paths: RT takes a relative RT_SITE_CONFIG as relative to /etc.
    assert Path(rt.env["RT_SITE_CONFIG"]) == path and path.is_absolute()
    assert Path(rt.env["RT_SITE_CONFIG_DIR"]).is_dir()


def test_seed_lines_are_one_ticket_a_line():
    text = seed_lines([("Brøyting\tved skolen", "Linje en\nlinje to"), ("B", "C")])
    assert text == "Brøyting ved skolen\tLinje en linje to\nB\tC\n"


def test_rss_of_this_process_and_of_none():
    assert rss_kb([os.getpid()]) > 0
    assert rss_kb([]) == 0
    assert 0 < pss_kb([os.getpid()]) <= rss_kb([os.getpid()]) + 1024
