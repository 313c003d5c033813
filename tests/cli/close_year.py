#!/usr/bin/env python3
"""One phase of closing the demo's year in progress through the HTTP API
(close_year.sh runs the phases, restarting the server with a later --today
between them). Each phase asserts what the office would see and exits 1 on
the first surprise, printing what went wrong.

usage: close_year.py BASE_URL PHASE TMPDIR
  PHASE: year_end | publicity | publish | after
"""
import json
import sys
import urllib.error
import urllib.request

BASE, PHASE, TMP = sys.argv[1], sys.argv[2], sys.argv[3]
YEAR = 2026
Y = f"/years/{YEAR}"
PASSWORDS = {"admin": "demo-admin-2026", "leader": "demo-leader-2026",
             "unit": "demo-unit-2026", "lead": "demo-lead-2026"}
_tokens = {}


def call(user, method, path, body=None, raw=None, ctype="application/json"):
    """(status, parsed JSON or text) of one request as `user` (None: anonymous)."""
    headers = {"Accept-Language": "en-US"}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    elif raw is not None:
        data = raw.encode() if isinstance(raw, str) else raw
        headers["Content-Type"] = ctype
    if user is not None:
        headers["Authorization"] = "Bearer " + token(user)
    req = urllib.request.Request(BASE + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req) as r:
            status, text = r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read().decode()
    try:
        return status, json.loads(text)
    except ValueError:
        return status, text


def token(user):
    if user not in _tokens:
        kind = user.split("_")[0] if "_" in user else user
        req = urllib.request.Request(
            BASE + "/auth/login", method="POST", headers={"Content-Type": "application/json"},
            data=json.dumps({"username": user, "password": PASSWORDS[kind]}).encode())
        with urllib.request.urlopen(req) as r:
            _tokens[user] = json.loads(r.read().decode())["token"]
    return _tokens[user]


def ok(user, method, path, body=None, want=(200, 201), **kw):
    status, answer = call(user, method, path, body, **kw)
    if status not in want:
        sys.exit(f"FAIL {user} {method} {path} {json.dumps(body, ensure_ascii=False)}: "
                 f"{status} {answer}")
    return answer


def refused(user, method, path, body, status, field):
    got, answer = call(user, method, path, body)
    if got != status or answer.get("details", {}).get("field") != field:
        sys.exit(f"FAIL expected {status} naming {field} for {method} {path}: {got} {answer}")
    print(f"  refused as expected: {answer['message']}")
    return answer


def login_of(unit):
    return "unit_" + unit.lower()


def lead_of(unit):
    return "lead_" + unit.lower()


def year_end_value(target, direction, unit):
    """A plausible year-end figure: around the target, a little better for D01."""
    factor = {"D01": 1.02, "D02": 0.97, "D03": 0.99, "D04": 0.95}.get(unit, 0.985)
    if direction == "lower_better":
        factor = 1 / factor
    return round((target if target else 1) * factor, 2)


def phase_year_end():
    # 日常监测 → 年终考核
    ok("admin", "POST", Y + "/transition", {"to": "year_end"})
    # 公示 is refused while the year-end values are missing, saying what to do.
    refused("admin", "POST", Y + "/transition", {"to": "preliminary"}, 409, "values")

    leads = ok("admin", "GET", f"/lead/indicators?year={YEAR}")["indicators"]
    # D01 files its self-evaluations (自评); its lead departments score them.
    rows = ok("unit_d01", "GET", Y + "/year-end/self-evaluations")["rows"]
    direction = {i["id"]: i["direction"] for i in leads}
    for r in rows:
        value = year_end_value(r["target"], direction[r["indicator_id"]], "D01")
        ok("unit_d01", "PUT", f"{Y}/year-end/self-evaluations/{r['indicator_id']}/D01",
           {"value": value, "text": f"全年完成{value}{r['unit_of_measure']}，附统计年报。"})
    # An unscored self-evaluation holds 公示 back.
    refused("admin", "POST", Y + "/transition", {"to": "preliminary"}, 409, "self_evaluations")
    for r in rows:
        scorer = "admin" if r["office_scores"] else lead_of(r["lead_unit_id"])
        ok(scorer, "POST", f"{Y}/year-end/self-evaluations/{r['indicator_id']}/D01/score",
           {"reason": "经核实，与统计年报一致。"})
    # Every other unit's year-end values: each lead department imports one CSV
    # per indicator it leads (values.csv).
    for ind in leads:
        lines = ["unit_id,period,value"]
        for v in ind["values"]:
            if v["unit_id"] == "D01" or v["actual"] is not None or v["no_data"]:
                continue
            lines.append(f"{v['unit_id']},{YEAR},"
                         f"{year_end_value(v['target'], ind['direction'], v['unit_id'])}")
        if len(lines) == 1:
            continue
        ok(lead_of(ind["lead_unit_id"]), "POST", f"{Y}/indicators/{ind['id']}/values.csv",
           raw="\n".join(lines) + "\n", ctype="text/csv")

    # Claims: D02 claims a provincial commendation (approved); 应急管理局 raises
    # a deduction against D04 (refused).
    bonus = ok("unit_d02", "POST", Y + "/year-end/claims",
               {"unit_id": "D02", "kind": "bonus", "category": "commendation", "points": 0.5,
                "reason": "获省级文明城区表彰（省文明委〔2026〕12号）"})
    deduction = ok("lead_b25", "POST", Y + "/year-end/claims",
                   {"unit_id": "D04", "kind": "deduction", "points": 1,
                    "reason": "安全生产督查发现问题逾期未整改"})
    refused("admin", "POST", Y + "/transition", {"to": "preliminary"}, 409, "claims")
    ok("admin", "POST", f"{Y}/year-end/claims/{bonus['id']}/decide",
       {"approve": True, "reason": "符合加分办法"})
    ok("admin", "POST", f"{Y}/year-end/claims/{deduction['id']}/decide",
       {"approve": False, "reason": "问题已于督查期限内整改，不予扣分"})

    # 领导评价: the form, the leaders and their units, ratings, closed.
    districts = ["D01", "D02", "D03", "D04"]
    ok("admin", "PUT", Y + "/year-end/rating/setup", {
        "dimensions": [{"id": "results", "name_zh": "工作实绩", "name_en": "Results", "weight": 0.6},
                       {"id": "style", "name_zh": "工作作风", "name_en": "Style", "weight": 0.4}],
        "scale_min": 0, "scale_max": 100,
        "levels": [{"id": "principal", "name_zh": "主要领导", "name_en": "Principal", "weight": 0.6},
                   {"id": "deputy", "name_zh": "分管领导", "name_en": "Deputy", "weight": 0.4}],
        "leaders": [{"username": "leader", "level": "principal", "unit_ids": districts},
                    {"username": "leader_vice1", "level": "deputy", "unit_ids": districts}]})
    for n, unit in enumerate(districts):
        ok("leader", "PUT", f"{Y}/year-end/rating/ratings/{unit}",
           {"scores": {"results": 92 - 3 * n, "style": 90 - 2 * n}})
        ok("leader_vice1", "PUT", f"{Y}/year-end/rating/ratings/{unit}",
           {"scores": {"results": 90 - 2 * n, "style": 91 - 3 * n}})
    refused("admin", "POST", Y + "/transition", {"to": "preliminary"}, 409, "rating")
    closed = ok("admin", "POST", Y + "/year-end/rating/close")
    if sorted(closed["leadership"]) != districts:
        sys.exit(f"FAIL rating close: {closed}")

    # Everything in: nothing is missing any more.
    remaining = [(i["id"], v["unit_id"]) for i in ok("admin", "GET", f"/lead/indicators?year={YEAR}")
                 ["indicators"] for v in i["values"] if v["actual"] is None and not v["no_data"]]
    if remaining:
        sys.exit(f"FAIL year-end values still missing: {remaining[:5]}")
    print(f"  year_end done: {len(rows)} self-evaluations scored, values of {len(leads)} indicators")


def phase_publicity():
    info = ok("admin", "POST", Y + "/transition", {"to": "preliminary", "window_working_days": 5})
    if info["status"] != "preliminary":
        sys.exit(f"FAIL {info}")
    pub = ok("admin", "GET", Y + "/publication")
    if not pub["window_open"] or pub["window"]["end_date"] != "2027-01-22":
        sys.exit(f"FAIL window: {pub}")
    # D03 appeals one of its indicator scores; the lead department answers, the
    # office sees the knock-on and rejects it.
    card = ok("unit_d03", "GET", f"/years/{YEAR}/units/D03/scorecard")
    lost = ok("admin", "GET", f"{Y}/feedback/D03")["lost_points"]
    if not lost:
        sys.exit("FAIL D03 has no lost point to appeal")
    ind = lost[0]
    appeal = ok("unit_d03", "POST", Y + "/appeals",
                {"kind": "indicator", "indicator_id": ind["indicator_id"],
                 "claimed_value": ind["target"], "reason": "年末补报数据未计入，附补报材料。"})
    lead = next(i["lead_unit_id"] for i in ok("admin", "GET", f"/lead/indicators?year={YEAR}")
                ["indicators"] if i["id"] == ind["indicator_id"])
    ok(lead_of(lead), "POST", f"{Y}/appeals/{appeal['id']}/answer",
       {"answer": "补报数据未经统计部门确认。"})
    ok("admin", "GET", f"{Y}/appeals/{appeal['id']}/knock-on")
    ok("admin", "POST", f"{Y}/appeals/{appeal['id']}/decide",
       {"uphold": False, "reason": "补报数据未经确认，维持原值。"})
    # The committee cannot approve while the window is open.
    refused("admin", "POST", Y + "/publication/approval",
            {"meeting_date": "2027-01-15", "meeting_ref": "云岭市绩效委〔2027〕1号"}, 409,
            "meeting_date")
    del card


def phase_publish():
    ok("admin", "POST", Y + "/publication/approval",
       {"meeting_date": "2027-01-25", "meeting_ref": "云岭市绩效委〔2027〕1号", "note": "审定通过"})
    info = ok("admin", "POST", Y + "/transition", {"to": "published"})
    if info["status"] != "published":
        sys.exit(f"FAIL {info}")
    cert = ok(None, "GET", f"/public/certificate?year={YEAR}")["certificate"]
    if not cert or len(cert["certificate_sha256"]) != 64:
        sys.exit(f"FAIL certificate: {cert}")
    with open(f"{TMP}/certificate", "w") as f:
        f.write(cert["certificate_sha256"])
    public = ok(None, "GET", f"/public/results?year={YEAR}")
    if public.get("year") != YEAR:
        sys.exit(f"FAIL public results: {str(public)[:200]}")


def phase_after():
    # 绩效反馈: D01 reads its report; files a rectification item on its
    # largest lost point; the office closes it.
    report = ok("unit_d01", "GET", f"{Y}/feedback/D01")
    if report["provisional"] or not report["lost_points"]:
        sys.exit(f"FAIL report: {str(report)[:300]}")
    lp = report["lost_points"][0]
    items = ok("unit_d01", "POST", f"{Y}/rectification/units/D01/items",
               {"items": [{"source": "indicator", "indicator_id": lp["indicator_id"],
                           "measure": "制定专项方案，按月调度。", "owner": "张明",
                           "deadline": "2027-06-30"}]})["items"]
    ok("unit_d01", "POST", f"{Y}/rectification/items/{items[0]['id']}/progress",
       {"text": "方案已印发并落实。", "progress": 100})
    closed = ok("admin", "POST", f"{Y}/rectification/items/{items[0]['id']}/close",
                {"note": "经核查整改到位，同意销号。"})
    if closed["state"] != "closed":
        sys.exit(f"FAIL close: {closed}")
    # 结果运用: the table, one application with its 文号, D01's history.
    ok("admin", "PUT", Y + "/result-use/rules", {"rules": [
        {"grade": "excellent", "bonus_coefficient": 1.2, "cadre": "优秀等次比例上浮", "budget": "",
         "accountability": ""},
        {"grade": "good", "bonus_coefficient": 1.0, "cadre": "", "budget": "", "accountability": ""},
        {"grade": "qualified", "bonus_coefficient": 0.9, "cadre": "", "budget": "",
         "accountability": "约谈"},
        {"grade": "unqualified", "bonus_coefficient": 0.7, "cadre": "", "budget": "",
         "accountability": "诫勉谈话"}]})
    use = ok("admin", "GET", Y + "/result-use")
    d01 = next(u for u in use["units"] if u["unit_id"] == "D01")
    ok("admin", "POST", Y + "/result-use/records",
       {"unit_id": "D01", "kind": "bonus", "outcome": f"绩效奖金系数 {d01['suggested']['bonus_coefficient']}",
        "coefficient": d01["suggested"]["bonus_coefficient"], "reference": "云绩办〔2027〕21号",
        "decided_on": "2027-03-20"})
    history = ok("unit_d01", "GET", "/units/D01/history")["years"]
    if [h["year"] for h in history] != [2024, 2025, 2026] or not history[-1]["records"]:
        sys.exit(f"FAIL history: {history}")
    got, _ = call("unit_d01", "GET", "/units/D02/history")
    if got != 403:
        sys.exit(f"FAIL another unit's history: {got}")


{"year_end": phase_year_end, "publicity": phase_publicity, "publish": phase_publish,
 "after": phase_after}[PHASE]()
