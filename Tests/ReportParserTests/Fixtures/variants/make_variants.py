#!/usr/bin/env python3
"""Writes the variant report fixtures in this folder and Tests/ReportParserTests/VariantReportTests.swift.

Every fixture is a complete invented report (own agency, own narrative, own numbers) laid out
the way real copies arrive: tab cells, pipe tables, one cell per line, HTML, OCR Markdown, web
text with cells run together, PDF text. The numbers written here are the expectations: the
renderers only lay them out; where a layout loses a value (an empty cell, a short row, an
ambiguous digit run) the fixture says so explicitly and the expectation is null.

Run from anywhere: python3 make_variants.py   (needs only the standard library)
"""
import itertools
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
TEST_FILE = os.path.normpath(os.path.join(HERE, "..", "..", "VariantReportTests.swift"))

# ---------------------------------------------------------------------------------------------
# Template shapes
# ---------------------------------------------------------------------------------------------

AD_GROUPS = {
    "2021": [
        ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
         [("regulations", "规章"), ("normativeDocuments", "行政规范性文件")]),
        ("第二十条第（五）项", ["本年处理决定数量"], [("licensing", "行政许可")]),
        ("第二十条第（六）项", ["本年处理决定数量"], [("punishment", "行政处罚"), ("coercion", "行政强制")]),
        ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("fees", "行政事业性收费")]),
    ],
    "2019": [
        ("第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
         [("regulations", "规章"), ("normativeDocuments", "规范性文件")]),
        ("第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
         [("licensing", "行政许可"), ("otherServices", "其他对外管理服务事项")]),
        ("第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
         [("punishment", "行政处罚"), ("coercion", "行政强制")]),
        ("第二十条第（八）项", ["上一年项目数量", "本年增/减"], [("fees", "行政事业性收费")]),
        ("第二十条第（九）项", ["采购项目数量", "采购总金额"], [("procurement", "政府集中采购")]),
    ],
}


def ad_keys(t):
    return [k for _, _, rows in AD_GROUPS[t] for k, _ in rows]


def ad_width(t, key):
    for _, cols, rows in AD_GROUPS[t]:
        if key in [k for k, _ in rows]:
            return len(cols)
    raise KeyError(key)


# Section 三 rows: (key, top label, group label, sub label). The top label is 一、/二、/四、 for the
# three framing rows; outcome rows sit under 三、本年度办理结果, some under a group (（三）…).
RESULTS = "三、本年度办理结果"
PARTIAL = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
OTHER1 = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
OTHER2 = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"


def app_rows(t):
    rows = [
        ("newlyReceived", "一、本年新收政府信息公开申请数量", None, None),
        ("carriedOver", "二、上年结转政府信息公开申请数量", None, None),
        ("granted", None, "（一）予以公开", None),
        ("partiallyGranted", None, PARTIAL, None),
        ("denied.stateSecret", None, "（三）不予公开", "1.属于国家秘密"),
        ("denied.prohibitedByLaw", None, "（三）不予公开", "2.其他法律行政法规禁止公开"),
        ("denied.safetyStability", None, "（三）不予公开", "3.危及“三安全一稳定”"),
        ("denied.thirdPartyRights", None, "（三）不予公开", "4.保护第三方合法权益"),
        ("denied.internalAffairs", None, "（三）不予公开", "5.属于三类内部事务信息"),
        ("denied.processInformation", None, "（三）不予公开", "6.属于四类过程性信息"),
        ("denied.enforcementFiles", None, "（三）不予公开", "7.属于行政执法案卷"),
        ("denied.administrativeQuery", None, "（三）不予公开", "8.属于行政查询事项"),
        ("unavailable.notHeld", None, "（四）无法提供", "1.本机关不掌握相关政府信息"),
        ("unavailable.needsCreation", None, "（四）无法提供", "2.没有现成信息需要另行制作"),
        ("unavailable.unclear", None, "（四）无法提供", "3.补正后申请内容仍不明确"),
        ("notProcessed.complaint", None, "（五）不予处理", "1.信访举报投诉类申请"),
        ("notProcessed.repeated", None, "（五）不予处理", "2.重复申请"),
        ("notProcessed.publication", None, "（五）不予处理", "3.要求提供公开出版物"),
        ("notProcessed.excessive", None, "（五）不予处理", "4.无正当理由大量反复申请"),
        ("notProcessed.confirmation", None, "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"),
    ]
    if t == "2021":
        rows += [
            ("other.noCorrection", None, "（六）其他处理", OTHER1),
            ("other.feeUnpaid", None, "（六）其他处理", OTHER2),
            ("other.other", None, "（六）其他处理", "3.其他"),
        ]
    else:
        rows.append(("other", None, "（六）其他处理", None))
    rows += [
        ("totalHandled", None, "（七）总计", None),
        ("carriedForward", "四、结转下年度继续办理", None, None),
    ]
    return rows


def app_keys(t):
    return [r[0] for r in app_rows(t)]


def outcome_keys(t):
    return [k for k in app_keys(t) if k not in ("newlyReceived", "carriedOver", "totalHandled", "carriedForward")]


RL_KEYS = ["review", "litigationDirect", "litigationAfterReview"]
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

# ---------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------


def apps(t, leaf, over=None, fwd=None):
    """A consistent section 三: leaf outcome rows (six applicant columns each), 二 and 四;
    the 总计 column, （七）总计 and 一 follow from the sums (勾稽关系)."""
    over = over or [0] * 6
    fwd = fwd or [0] * 6
    for k in leaf:
        assert k in outcome_keys(t), k
    rows = {}
    for k in outcome_keys(t):
        v = list(leaf.get(k, [0] * 6))
        assert len(v) == 6
        rows[k] = v + [sum(v)]
    th = [sum(rows[k][c] for k in outcome_keys(t)) for c in range(7)]
    rows["totalHandled"] = th
    rows["carriedOver"] = list(over) + [sum(over)]
    rows["carriedForward"] = list(fwd) + [sum(fwd)]
    newly = [th[c] + rows["carriedForward"][c] - rows["carriedOver"][c] for c in range(7)]
    assert all(n >= 0 for n in newly), newly
    rows["newlyReceived"] = newly
    return rows


def review(r, d, a):
    return {"review": list(r) + [sum(r)], "litigationDirect": list(d) + [sum(d)],
            "litigationAfterReview": list(a) + [sum(a)]}


def distinct_numbers(seed):
    """Section 二, 三, 四 of one 2021 report with every number non-zero and distinct."""
    rnd = random.Random(seed)
    while True:
        pool = rnd.sample(range(1, 400), 23 * 6 + 12 + 12 + 10)
        it = iter(pool)
        leaf = {k: [next(it) for _ in range(6)] for k in outcome_keys("2021")}
        over = [next(it) for _ in range(6)]
        fwd = [next(it) for _ in range(6)]
        rows = apps("2021", leaf, over, fwd)
        rl = review([next(it) for _ in range(4)], [next(it) for _ in range(4)], [next(it) for _ in range(4)])
        ad = {"regulations": [next(it), next(it), next(it)], "normativeDocuments": [next(it), next(it), next(it)],
              "licensing": [next(it)], "punishment": [next(it)], "coercion": [next(it)], "fees": ["12.5"]}
        values = [v for vs in rows.values() for v in vs] + [v for vs in rl.values() for v in vs] + \
                 [v for vs in ad.values() for v in vs]
        if len(set(values)) == len(values):
            return ad, rows, rl


def num(v):
    """Expected value of a written cell: '12.5' → 12.5, 3 → 3, None → None."""
    if v is None:
        return None
    if isinstance(v, str):
        return float(v) if "." in v else int(v)
    return v


def cell(v):
    return "" if v is None else str(v)


# ---------------------------------------------------------------------------------------------
# Digit-run checks for the web-text fixtures (the reading a careful human does)
# ---------------------------------------------------------------------------------------------


def splits(digits, count):
    out = []

    def valid(p):
        if not p or p[0] == "." or p[-1] == "." or p.count(".") > 1:
            return False
        if p[0] == "0" and len(p) > 1 and p[1] != ".":
            return False
        return True

    def rec(start, cur):
        if len(cur) == count:
            if start == len(digits):
                out.append(list(cur))
            return
        for end in range(start + 1, len(digits) + 1):
            p = digits[start:end]
            if valid(p):
                rec(end, cur + [float(p) if "." in p else int(p)])

    rec(0, [])
    return out


def row_ok(v):
    return sum(v[:-1]) == v[-1]


def rl_ok(v):
    return all(row_ok(v[i:i + 5]) for i in range(0, 15, 5))


def check_runs(fixture, expect_ambiguous=()):
    """Each run-together row must split one way only, under its own row sum; rows named in
    expect_ambiguous must admit two readings that keep every sum of the table."""
    t = fixture.template
    for k, v in fixture.ad.items():
        if k in expect_ambiguous:
            assert len(splits("".join(cell(x) for x in v), len(v))) > 1, k
            continue
        s = splits("".join(cell(x) for x in v), len(v))
        assert s == [[num(x) for x in v]], (fixture.name, k, s)
    options = {}
    for k, v in fixture.app.items():
        s = [x for x in splits("".join(cell(x) for x in v), 7) if row_ok(x)]
        assert [num(x) for x in v] in s, (fixture.name, k)
        if k not in expect_ambiguous:
            assert len(s) == 1, (fixture.name, k, s)
        options[k] = s
    amb = [k for k in fixture.app if k in expect_ambiguous]
    if amb:
        good = 0
        for combo in itertools.product(*[options[k] for k in amb]):
            table = dict(fixture.app)
            table.update(dict(zip(amb, combo)))
            ok = all(sum(table[k][c] for k in outcome_keys(t)) == table["totalHandled"][c] and
                     table["newlyReceived"][c] + table["carriedOver"][c] ==
                     table["totalHandled"][c] + table["carriedForward"][c] for c in range(7))
            good += ok
        assert good >= 2, (fixture.name, good)
    flat = [x for k in RL_KEYS for x in fixture.rl[k]]
    s = [x for x in splits("".join(str(x) for x in flat), 15) if rl_ok(x)]
    assert s == [flat], (fixture.name, s)


# ---------------------------------------------------------------------------------------------
# Narrative
# ---------------------------------------------------------------------------------------------

STANDARD_TITLES = {1: "总体情况", 2: "主动公开政府信息情况", 3: "收到和处理政府信息公开申请情况",
                   4: "政府信息公开行政复议、行政诉讼情况", 5: "存在的主要问题及改进情况", 6: "其他需要报告的事项"}
NUMERALS = "一二三四五六"


def story(f):
    """Short invented narrative for each section: list of paragraphs."""
    y, s = f.year, f.short
    ap = f.app["newlyReceived"][6] if f.app["newlyReceived"][6] is not None else 0
    v = f.seed % 3
    p1 = [
        [f"{y}年，{s}在上级政务公开部门指导下，把政府信息公开作为转变作风、服务群众的日常工作来抓，调整了公开工作领导小组，明确办公室牵头、各科室分工负责。",
         f"1.主动公开方面。围绕年度重点任务及时发布工作动态、通知公告和政策文件，全年在门户网站公开信息{120 + f.seed * 7}条，做到应公开尽公开。",
         f"2.依申请公开方面。全年新收政府信息公开申请{ap}件，均在法定期限内答复，未发生因答复不当引发的投诉。",
         "3.政府信息管理方面。建立公开前保密审查和合法性审查双把关制度，定期清理过时信息，动态更新主动公开目录。",
         "4.平台建设方面。完善门户网站信息公开专栏，优化栏目设置，政务新媒体与网站同步发布重要信息。",
         "5.监督保障方面。将政务公开纳入科室年度考核，组织业务培训两次，接受社会各界监督。"],
        [f"{y}年，{s}认真落实《中华人民共和国政府信息公开条例》，以公开促落实、以公开促规范，政务公开工作平稳有序推进。",
         f"（一）主动公开情况。重点公开规划计划、财政预决算、行政执法等信息，全年通过政府网站发布各类信息{200 + f.seed * 11}条，政务微信推送{60 + f.seed}期。",
         f"（二）依申请公开情况。规范受理、登记、审核、答复流程，全年受理申请{ap}件，答复文书统一经法制审核。",
         "（三）政府信息管理情况。严格执行信息发布审核制度，对拟公开信息逐条核对，杜绝泄露个人隐私。",
         "（四）平台建设情况。推进网站集约化，整合办事指南与政策文件查询入口，方便群众查找。",
         "（五）监督保障情况。主要负责同志专题研究政务公开工作，年内开展自查两轮并逐项整改。"],
        [f"今年以来，{s}坚持“公开为常态、不公开为例外”，围绕群众关切扩大公开范围，提升公开质量。",
         f"一是主动公开更加及时。全年主动公开政府信息{90 + f.seed * 5}条，其中政策解读{8 + f.seed}篇，图解和短视频解读占比过半。",
         f"二是依申请办理更加规范。本年度新收申请{ap}件，答复前与申请人电话沟通，减少重复申请。",
         "三是平台管理更加严格。落实网站内容每日巡查，及时修正错误链接和过期信息。",
         "四是监督保障更加有力。将公开工作情况纳入年度述职，邀请群众代表参加评议。"],
    ][v]
    p5 = [
        ["一是政策解读形式仍较单一，图表和视频解读偏少；二是个别科室公开意识不强，信息报送不够及时。",
         f"{y + 1}年，我们将丰富解读形式，建立信息报送提醒机制，并加强对工作人员的培训。"],
        ["存在的问题：公开内容与群众需求结合不够紧密，基层公开标准化程度有待提高。",
         "改进措施：开展群众需求调查，按需调整公开重点；对照标准目录逐项完善公开事项。"],
        ["对照上级要求，我们的政务公开工作仍有差距，主要是主动公开的深度不够、互动回应还不够及时。",
         "下一步，将围绕重点领域细化公开清单，落实回应关切时限要求，提升群众满意度。"],
    ][v]
    p6 = [
        [f"1.政府信息公开收费方面：{y}年{s}未收取信息处理费。",
         f"2.人大代表建议和政协提案办理方面：共承办建议提案{3 + f.seed % 5}件，均已按期办结并公开答复摘要。"],
        [f"本年度{s}没有收取政府信息公开信息处理费，无其他需要报告的事项。"],
        [f"{s}严格执行《政府信息公开信息处理费管理办法》，{y}年度未产生信息处理费。",
         "全年共办理人大代表建议2件、政协提案1件，办复率100%。"],
    ][v]
    return p1, p5, p6


# ---------------------------------------------------------------------------------------------
# Document builder: keeps line numbers of what the renderers write
# ---------------------------------------------------------------------------------------------


class Doc:
    def __init__(self):
        self.lines = []
        self.cells = {}      # (table, row, column index) -> line
        self.rows = {}       # (table, row) -> (first line, last line)
        self.headings = {}   # section number -> line

    @property
    def next(self):
        return len(self.lines) + 1

    def add(self, *lines):
        for line in lines:
            self.lines.extend(line.split("\n"))

    def mark(self, table, row, values_at, first=None, last=None):
        """values_at: list of line numbers, one per value (or one line for all)."""
        for i, line in enumerate(values_at):
            self.cells[(table, row, i)] = line
        lines = [x for x in values_at if x is not None] + [x for x in (first, last) if x]
        if lines:
            self.rows[(table, row)] = (min(lines), max(lines))

    def text(self):
        return "\n".join(self.lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Fixture model
# ---------------------------------------------------------------------------------------------


class Fixture:
    def __init__(self, name, layout, template, agency, year, ad, app, rl, *, short=None, region=None,
                 title=None, what="", seed=0, extension="txt", **options):
        self.name = name
        self.layout = layout
        self.template = template
        self.agency = agency
        self.year = year
        self.ad = ad
        self.app = app
        self.rl = rl
        self.short = short or "我局"
        self.region = region
        self.title = title or f"{agency}{year}年政府信息公开工作年度报告"
        self.what = what
        self.seed = seed
        self.o = options
        # Expected values: what is written, with the cells the fixture blanks or loses set to None.
        self.expect_ad = {k: [num(x) for x in v] for k, v in ad.items()}
        self.expect_app = {k: [num(x) for x in v] for k, v in app.items()}
        self.expect_rl = {k: [num(x) for x in v] for k, v in rl.items()}
        self.diagnostics = []   # (rule, table, row) expected, line range from the document
        self.section_titles = dict(STANDARD_TITLES)
        self.extra = []         # extra Swift assertions
        self.doc = None
        self.encoding = None

    def blank(self, table, row, col):
        """A cell the report leaves empty: written as an empty cell, expected null."""
        {"ad": self.ad, "app": self.app, "rl": self.rl}[table][row][col] = None
        {"ad": self.expect_ad, "app": self.expect_app, "rl": self.expect_rl}[table][row][col] = None


# ---------------------------------------------------------------------------------------------
# Layout renderers for the three tables. Each takes (doc, fixture) and writes section 二/三/四
# bodies (not the headings).
# ---------------------------------------------------------------------------------------------

# ---- tab cells ------------------------------------------------------------------------------


def tab_ad(d, f):
    t = f.template
    for group, cols, rows in AD_GROUPS[t]:
        d.add(group + "\t" * 3)
        d.add("信息内容\t" + "\t".join(cols + [""] * (3 - len(cols))))
        for key, label in rows:
            vals = [cell(x) for x in f.ad[key]]
            line = d.next
            d.add(label + "\t" + "\t".join(vals + [""] * (3 - len(vals))))
            d.mark("ad", key, [line] * len(vals))


def tab_app(d, f, style="three"):
    """style "three": three label columns (一、 / 三、（一） / （三）1.) then seven values.
    style "two": two label columns as Word often copies (group label in column one, the
    sub-label in column two); with group_carries the group label line carries its first
    sub-row's numbers and the sub-row's own line has seven empty cells."""
    t = f.template
    carries = f.o.get("group_carries", set())
    short = f.o.get("short_rows", {})
    d.add("\t" + NOTE + "\t申请人情况" + "\t" * 6 + ("\t" if style == "three" else ""))
    pre = "\t\t" if style == "three" else "\t"
    d.add(pre + "\t自然人\t法人或其他组织" + "\t" * 5 + "总计")
    d.add(pre + "\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t")
    seen_groups = set()
    for key, top, group, sub in app_rows(t):
        vals = [cell(x) for x in f.app[key]]
        if key in short:
            vals = [str(x) for x in short[key]]
        if style == "three":
            if top:
                labels = [top, "", ""]
            elif sub is None:
                labels = [RESULTS if key == "granted" else "", group, ""]
            else:
                labels = ["", group if group not in seen_groups else "", sub]
        else:
            if top:
                labels = [top[:2], top[2:]]
            elif sub is None:
                labels = ["三、本年度办理结果" if key == "granted" else "", group]
            else:
                labels = [group if group not in seen_groups and group != "（三）不予公开" else "", sub]
        if group:
            first_in_group = group not in seen_groups
            seen_groups.add(group)
        if style == "two" and sub and key in carries:
            # The group label line carries the numbers; the sub-row line is empty.
            line = d.next
            d.add("\t" + group + "\t" + "\t".join(vals))
            d.add("\t" + sub + "\t" * 7)
            d.mark("app", key, [line] * 7, last=line + 1)
            continue
        if style == "two" and sub and group == "（三）不予公开" and first_in_group:
            d.add("\t" + group + "\t" * 7)
        line = d.next
        d.add("\t".join(labels) + "\t" + "\t".join(vals))
        d.mark("app", key, [line] * 7)


def tab_rl(d, f):
    d.add("行政复议" + "\t" * 5 + "行政诉讼" + "\t" * 9)
    d.add("结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉" + "\t" * 5 + "复议后起诉" + "\t" * 4)
    d.add("\t" * 5 + "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2))
    line = d.next
    d.add("\t".join(cell(x) for k in RL_KEYS for x in f.rl[k]))
    for k in RL_KEYS:
        d.mark("rl", k, [line] * 5)


# ---- pipe tables ------------------------------------------------------------------------------


def pipe(cells):
    return "| " + " | ".join(cells) + " |"


def pipe_ad(d, f):
    t = f.template
    first = True
    for group, cols, rows in AD_GROUPS[t]:
        d.add(pipe([group, "", "", ""]))
        if first:
            d.add("|-----------|---------------|--------|--------|")
            first = False
        d.add(pipe(["信息内容"] + cols + [""] * (3 - len(cols))))
        for key, label in rows:
            vals = [cell(x) for x in f.ad[key]]
            line = d.next
            d.add(pipe([label] + vals + [""] * (3 - len(vals))))
            d.mark("ad", key, [line] * len(vals))


def pipe_app(d, f):
    """Misaligned like Word → Markdown converters make them: rows under a group carry one more
    label cell, （七）总计 sits one cell to the left."""
    t = f.template
    d.add(pipe([NOTE, "", "申请人情况", "", "", "", "", "", "总计", ""]))
    d.add("|" + "|".join(["----"] * 10) + "|")
    d.add(pipe(["", "", "自然人", "法人或其他组织", "", "", "", "", "", ""]))
    d.add(pipe(["", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "", ""]))
    seen = set()
    for key, top, group, sub in app_rows(t):
        vals = [cell(x) for x in f.app[key]]
        if top:
            cells = [top, ""] + vals + [""]
        elif key == "totalHandled":
            cells = [group] + vals + ["", ""]
        elif sub is None:
            cells = [RESULTS if key == "granted" else "", group] + vals + [""]
        else:
            cells = ["", group if group not in seen else "", sub] + vals
        if group:
            seen.add(group)
        line = d.next
        d.add(pipe(cells))
        d.mark("app", key, [line] * 7)


def pipe_rl(d, f):
    d.add(pipe(["行政复议", "", "", "", "", "行政诉讼"] + [""] * 9))
    d.add("|" + "|".join(["----------"] * 15) + "|")
    d.add(pipe(["结果 维持", "结果 纠正", "其他 结果", "尚未 审结", "总计", "未经复议直接起诉", "", "", "", "",
                "复议后起诉", "", "", "", ""]))
    d.add(pipe([""] * 5 + ["结果 维持", "结果 纠正", "其他 结果", "尚未 审结", "总计"] * 2))
    line = d.next
    d.add(pipe([cell(x) for k in RL_KEYS for x in f.rl[k]]))
    for k in RL_KEYS:
        d.mark("rl", k, [line] * 5)


# ---- one cell per line ----------------------------------------------------------------------


def cpl_cell(text, wraps):
    """One cell: a tab, the text; a wrapped label continues on an unindented line."""
    if text in wraps:
        return "\t" + wraps[text]
    return "\t" + text


def cpl_value(v, f):
    if v is None:
        return f.o.get("empty_cell", "\t")
    return "\t" + str(v)


def cpl_ad(d, f):
    t = f.template
    wraps = f.o.get("wraps", {})
    for group, cols, rows in AD_GROUPS[t]:
        d.add("\t" + group, "")
        d.add("\t信息内容", *[cpl_cell(c, wraps) for c in cols], "")
        for key, label in rows:
            first = d.next
            d.add(cpl_cell(label, wraps))
            at = []
            for v in f.ad[key]:
                at.append(d.next)
                d.add(cpl_value(v, f))
            d.mark("ad", key, at, first=first)
            d.add("")
        d.add("")


def cpl_app(d, f):
    t = f.template
    wraps = f.o.get("wraps", {})
    short = f.o.get("short_rows", {})
    d.add(cpl_cell(NOTE, wraps), "\t申请人情况", "")
    d.add("\t", "\t自然人", "\t法人或其他组织", "\t总计", "")
    d.add("\t", "\t", "\t商业企业", "\t科研机构", "\t社会公益组织", "\t法律服务机构", "\t其他", "\t", "")
    seen = set()
    for key, top, group, sub in app_rows(t):
        first = d.next
        if top:
            d.add(cpl_cell(top, wraps))
        elif sub is None:
            d.add(cpl_cell(RESULTS, wraps) if key == "granted" else "\t", cpl_cell(group, wraps))
        else:
            d.add("\t", cpl_cell(group, wraps) if group not in seen else "\t", cpl_cell(sub, wraps))
        if group:
            seen.add(group)
        at = []
        values = short.get(key, f.app[key])
        for v in values:
            at.append(d.next)
            d.add(cpl_value(v, f))
        d.mark("app", key, at if key not in short else [None] * 7, first=first, last=d.next - 1)
        d.add("")
    d.add("")


def cpl_rl(d, f):
    d.add("\t行政复议", "\t行政诉讼", "")
    d.add("\t结果\n维持", "\t结果纠正", "\t其他结果", "\t尚未\n审结", "\t总\n计", "\t未经复议直接起诉", "\t复议后起诉", "")
    d.add(*["\t"] * 5, "\t结果维持", "\t结果纠正", "\t其他\n结果", "\t尚未\n审结", "\t总计",
          "\t结果维持", "\t结果\n纠正", "\t其他\n结果", "\t尚未审结", "\t总计", "")
    for k in RL_KEYS:
        at = []
        for v in f.rl[k]:
            at.append(d.next)
            d.add(cpl_value(v, f))
        d.mark("rl", k, at)
    d.add("")


# ---- PDF text: label and numbers apart, separated by spaces ------------------------------------


def pdf_ad(d, f, nextline=False):
    t = f.template
    for group, cols, rows in AD_GROUPS[t]:
        d.add(group)
        d.add("信息内容 " + " ".join(cols))
        for key, label in rows:
            vals = " ".join(cell(x) for x in f.ad[key])
            if nextline:
                first = d.next
                d.add(label)
                line = d.next
                d.add(vals)
                d.mark("ad", key, [line] * len(f.ad[key]), first=first)
            else:
                line = d.next
                d.add(label + " " + vals)
                d.mark("ad", key, [line] * len(f.ad[key]))


def pdf_app(d, f, nextline=False):
    t = f.template
    d.add(NOTE, "申请人情况", "自然人 法人或其他组织 总计", "商业企业 科研机构 社会公益组织 法律服务机构 其他")
    seen = set()
    for key, top, group, sub in app_rows(t):
        vals = " ".join(cell(x) for x in f.app[key])
        if key == "granted":
            d.add(RESULTS)
        if top:
            label = top
        elif sub is None:
            label = group
        else:
            label = sub
            if group not in seen:
                if nextline:
                    d.add(group)
                else:
                    label = group + " " + sub
        if group:
            seen.add(group)
        if nextline:
            first = d.next
            d.add(label)
            line = d.next
            d.add(vals)
            d.mark("app", key, [line] * 7, first=first)
        else:
            line = d.next
            d.add(label + " " + vals)
            d.mark("app", key, [line] * 7)


def pdf_rl(d, f, nextline=False):
    d.add("行政复议 行政诉讼")
    d.add("结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉")
    d.add("结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计")
    if nextline:
        for k in RL_KEYS:
            line = d.next
            d.add(" ".join(cell(x) for x in f.rl[k]))
            d.mark("rl", k, [line] * 5)
    else:
        line = d.next
        d.add(" ".join(cell(x) for k in RL_KEYS for x in f.rl[k]))
        for k in RL_KEYS:
            d.mark("rl", k, [line] * 5)


# ---- HTML ---------------------------------------------------------------------------------------


def td(text, colspan=1, rowspan=1, num_cell=False):
    attrs = ""
    if colspan > 1:
        attrs += f' colspan="{colspan}"'
    if rowspan > 1:
        attrs += f' rowspan="{rowspan}"'
    if text is None or text == "":
        return f'<td{attrs} style="width:40px;"><p align="center">&nbsp;</p></td>'
    text = str(text).replace("\n", "<br />")
    if num_cell:
        return f'<td{attrs} nowrap="nowrap"><p align="center"><span style="font-size:14px;">{text}</span></p></td>'
    return f'<td{attrs} nowrap="nowrap"><p>{text}</p></td>'


def html_ad(d, f):
    t = f.template
    d.add('<table align="center" border="1" cellspacing="0"><tbody>')
    for group, cols, rows in AD_GROUPS[t]:
        d.add("<tr>" + td(group, colspan=5) + "</tr>")
        if len(cols) == 3:
            d.add("<tr>" + td("信息内容") + td(cols[0].replace("本年新", "本年新\n")) +
                  td(cols[1].replace("本年新", "本年新\n"), colspan=2) + td(cols[2]) + "</tr>")
        elif len(cols) == 2:
            d.add("<tr>" + td("信息内容") + td(cols[0], colspan=2) + td(cols[1], colspan=2) + "</tr>")
        else:
            d.add("<tr>" + td("信息内容") + td(cols[0], colspan=4) + "</tr>")
        for key, label in rows:
            v = f.ad[key]
            line = d.next
            if len(v) == 3:
                # The value under the middle header spans two grid columns, but on the first
                # value (as the Shanghai page has it), so cells and headers do not line up.
                cells = td(label) + td(cell(v[0]), colspan=2, num_cell=True) + td(cell(v[1]), num_cell=True) + \
                    td(cell(v[2]), num_cell=True)
            elif len(v) == 2:
                cells = td(label) + td(cell(v[0]), colspan=2, num_cell=True) + td(cell(v[1]), colspan=2, num_cell=True)
            else:
                cells = td(label) + td(cell(v[0]), colspan=4, num_cell=True)
            d.add("<tr>" + cells + "</tr>")
            d.mark("ad", key, [line] * len(v))
    d.add("</tbody></table>")


def html_app(d, f):
    t = f.template
    rows = app_rows(t)
    n_results = len(outcome_keys(t)) + 1
    group_sizes = {}
    for _, _, g, s in rows:
        if s:
            group_sizes[g] = group_sizes.get(g, 0) + 1
    d.add('<table align="center" border="1" cellspacing="0"><tbody>')
    d.add("<tr>" + td(NOTE, colspan=3, rowspan=3) + td("申请人情况", colspan=7) + "</tr>")
    d.add("<tr>" + td("自然人", rowspan=2) + td("法人或其他组织", colspan=5) + td("总计", rowspan=2) + "</tr>")
    d.add("<tr>" + "".join(td(x) for x in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]) + "</tr>")
    seen = set()
    for key, top, group, sub in rows:
        vals = "".join(td(cell(x), num_cell=True) for x in f.app[key])
        if top:
            labels = td(top, colspan=3)
        elif sub is None:
            labels = (td(RESULTS, rowspan=n_results) if key == "granted" else "") + td(group, colspan=2)
        else:
            labels = (td(group, rowspan=group_sizes[group]) if group not in seen else "") + td(sub)
        if group:
            seen.add(group)
        line = d.next
        d.add("<tr>" + labels + vals + "</tr>")
        d.mark("app", key, [line] * 7)
    d.add("</tbody></table>")


def html_rl(d, f):
    d.add('<table align="center" border="1" cellspacing="0"><tbody>')
    d.add("<tr>" + td("行政复议", colspan=5) + td("行政诉讼", colspan=10) + "</tr>")
    d.add("<tr>" + "".join(td(x, rowspan=2) for x in ["结果\n维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计"]) +
          td("未经复议直接起诉", colspan=5) + td("复议后起诉", colspan=5) + "</tr>")
    d.add("<tr>" + "".join(td(x) for x in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2) + "</tr>")
    line = d.next
    d.add("<tr>" + "".join(td(cell(x), num_cell=True) for k in RL_KEYS for x in f.rl[k]) + "</tr>")
    for k in RL_KEYS:
        d.mark("rl", k, [line] * 5)
    d.add("</tbody></table>")


# ---- OCR Markdown -------------------------------------------------------------------------------


def md_table(d, header, rows):
    d.add("| " + " | ".join(header) + " |", "|" + "---|" * len(header))
    lines = []
    for r in rows:
        lines.append(d.next)
        d.add("| " + " | ".join(r) + " |")
    return lines


def ocr_ad(d, f):
    for group, cols, rows in AD_GROUPS[f.template]:
        d.add(f"### {group}")
        lines = md_table(d, ["信息内容"] + cols, [[label] + [cell(x) for x in f.ad[k]] for k, label in rows])
        for (k, _), line in zip(rows, lines):
            d.mark("ad", k, [line] * len(f.ad[k]))
        d.add("")


def ocr_app(d, f):
    """Section 三 as OCR cuts it: one small table per block with generic 数据1…数据6 headers,
    placeholder tables of '-', （六） headed `(六) 其他`, and a stray header row in the middle."""
    t = f.template
    d.add(NOTE.replace("（", "(").replace("）", ")").replace("：", ":").replace("，", ","), "")
    d.add("### 申请人情况 (自然人)")
    md_table(d, ["(数据项目)", "数量"], [["-", "-"]])
    d.add("", "### 申请人情况 (法人或其他组织)")
    md_table(d, ["商业企业", "科研机构", "社会公益", "法律服务机构", "其他"], [["-"] * 5])
    d.add("", "### 申请人情况 (总计)")
    md_table(d, ["(数据项目)", "数量"], [["-", "-"]])
    d.add("")
    generic = ["类别", "数据1", "数据2", "数据3", "数据4", "数据5", "数据6", "总计"]

    def vals(k):
        return [cell(x) for x in f.app[k]]

    def block(heading, keys, labels, header=generic):
        d.add(heading)
        lines = md_table(d, header, [[lab] + vals(k) for k, lab in zip(keys, labels)])
        for k, line in zip(keys, lines):
            d.mark("app", k, [line] * 7)
        d.add("")

    block("### 一、本年新收政府信息公开申请数量", ["newlyReceived"], ["本年新收政府信息公开申请数量"])
    block("### 二、上年结转政府信息公开申请数量", ["carriedOver"], ["上年结转政府信息公开申请数量"])
    d.add("### 三、本年度办理结果", "")
    block("### (一) 予以公开", ["granted"], ["予以公开"])
    block("### (二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)", ["partiallyGranted"],
          ["部分公开 (区分处理的, 只计这一情形, 不计其他情形)"])
    rows = app_rows(t)
    for g, heading in [("（三）不予公开", "### (三) 不予公开"), ("（四）无法提供", "### (四) 无法提供"),
                       ("（五）不予处理", "### (五) 不予处理")]:
        sub = [(k, s.replace(".", ". ", 1)) for k, _, gg, s in rows if gg == g]
        block(heading, [k for k, _ in sub], [s for _, s in sub])
    if t == "2021":
        block("### (六) 其他", ["other.noCorrection"], [OTHER1.replace(".", ". ", 1).replace("、", ", ", 1)])
        stray = ["项目", "本年新收件数", "上年结转件数", "予以公开", "部分公开", "不予公开", "结转下年度", "总计"]
        d.add("")
        lines = md_table(d, stray, [[OTHER2.replace(".", ". ", 1)] + vals("other.feeUnpaid"),
                                    ["3. 其他"] + vals("other.other"),
                                    ["（七）总计"] + vals("totalHandled"),
                                    ["四、结转下年度继续办理"] + vals("carriedForward")])
        for k, line in zip(["other.feeUnpaid", "other.other", "totalHandled", "carriedForward"], lines):
            d.mark("app", k, [line] * 7)
    else:
        block("### (六) 其他", ["other"], ["其他处理"])
        stray = ["项目", "本年新收件数", "上年结转件数", "予以公开", "部分公开", "不予公开", "结转下年度", "总计"]
        lines = md_table(d, stray, [["（七）总计"] + vals("totalHandled"), ["四、结转下年度继续办理"] + vals("carriedForward")])
        for k, line in zip(["totalHandled", "carriedForward"], lines):
            d.mark("app", k, [line] * 7)
    d.add("")


def ocr_rl(d, f):
    for k, heading in zip(RL_KEYS, ["### 行政复议", "### 行政诉讼（未经复议直接起诉）", "### 行政诉讼（复议后起诉）"]):
        d.add(heading)
        d.add("| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |", "|----------|----------|----------|----------|------|")
        line = d.next
        d.add("| " + " | ".join(cell(x) for x in f.rl[k]) + " |")
        d.mark("rl", k, [line] * 5)
        d.add("")


# ---- web text: whole body on one line, cells run together -----------------------------------


def run_ad(f):
    out = []
    for group, cols, rows in AD_GROUPS[f.template]:
        out.append(group + "信息内容" + "".join(cols))
        for k, label in rows:
            out.append(label + "".join(cell(x) for x in f.ad[k]))
    return "".join(out)


def run_app(f):
    t = f.template
    spaces = f.o.get("stray_spaces", {})
    out = [NOTE + "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"]
    seen = set()
    for key, top, group, sub in app_rows(t):
        digits = "".join(cell(x) for x in f.app[key])
        if key in spaces:
            pos = spaces[key]
            digits = digits[:pos] + " " + digits[pos:]
        if top:
            label = top
        elif sub is None:
            label = (RESULTS if key == "granted" else "") + group
        else:
            label = (group if group not in seen else "") + sub
        if group:
            seen.add(group)
        out.append(label + digits)
    return "".join(out)


def run_rl(f):
    return ("行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉"
            "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计" +
            "".join(str(x) for k in RL_KEYS for x in f.rl[k]))


# ---------------------------------------------------------------------------------------------
# Whole documents
# ---------------------------------------------------------------------------------------------

RENDER = {
    "tab": (tab_ad, tab_app, tab_rl),
    "pipe": (pipe_ad, pipe_app, pipe_rl),
    "cpl": (cpl_ad, cpl_app, cpl_rl),
    "pdf": (pdf_ad, pdf_app, pdf_rl),
    "pdf-nextline": (lambda d, f: pdf_ad(d, f, True), lambda d, f: pdf_app(d, f, True),
                     lambda d, f: pdf_rl(d, f, True)),
    "ocr": (ocr_ad, ocr_app, ocr_rl),
}


def heading(f, n):
    """The heading line(s) of section n as this fixture writes it."""
    custom = f.o.get("headings", {})
    if n in custom:
        return custom[n]
    prefix = f.o.get("heading_prefix", "")
    return f"{prefix}{NUMERALS[n - 1]}、{STANDARD_TITLES[n]}"


def render_text(f):
    d = Doc()
    p1, p5, p6 = story(f)
    o = f.o
    for line in o.get("before", []):
        d.add(line)
    d.add(*o.get("title_lines", ["", f.title, ""]))
    f.title_line = o.get("title_line") or next(i + 1 for i, l in enumerate(d.lines) if l.strip())
    d.add(f"根据《中华人民共和国政府信息公开条例》和上级有关要求，现公布{f.agency if not o.get('intro_short') else f.short}"
          f"{f.year}年度政府信息公开工作年度报告。本报告所列数据的统计期限自{f.year}年1月1日起至{f.year}年12月31日止。", "")
    ad_r, app_r, rl_r = RENDER[f.layout]
    for n in range(1, 7):
        d.headings[n] = d.next
        d.add(heading(f, n))
        if o.get("blank_after_heading", True):
            d.add("")
        if n == 1:
            for p in p1:
                d.add(p, "") if o.get("blank_between_paragraphs", True) else d.add(p)
        elif n == 2:
            ad_r(d, f)
            d.add("")
        elif n == 3:
            app_r(d, f)
            d.add("")
        elif n == 4:
            rl_r(d, f)
            d.add("")
        elif n == 5:
            for p in p5:
                d.add(p, "")
        else:
            for p in p6:
                d.add(p, "")
    for line in o.get("after", []):
        d.add(line)
    return d


def render_html(f):
    d = Doc()
    p1, p5, p6 = story(f)
    o = f.o
    d.add('<div class="article">')
    f.title_line = d.next
    d.add(f"<p style='text-align: center;font-weight: bold;'>{f.title}</p>\t<p style='text-align: center'>发布日期：{f.year + 1}-01-20</p>")
    d.add(f"<p>本年度报告根据《中华人民共和国政府信息公开条例》编制，所列数据统计期限自{f.year}年1月1日起至{f.year}年12月31日止。</p>")
    for n in range(1, 7):
        d.headings[n] = d.next
        d.add(f"<p>{heading(f, n)}</p>")
        if n == 1:
            for p in p1:
                d.add(f"<p>{p}</p>")
        elif n == 2:
            html_ad(d, f)
        elif n == 3:
            html_app(d, f)
        elif n == 4:
            html_rl(d, f)
        elif n == 5:
            d.add(*[f"<p>{p}</p>" for p in p5])
        else:
            d.add(*[f"<p>{p}</p>" for p in p6])
    d.add("</div>")
    return d


def render_web(f):
    """Text saved from a portal page: page fields, a 正文 marker, then the body on one line."""
    d = Doc()
    p1, p5, p6 = story(f)
    o = f.o
    d.add(f"标题: {f.title}", f"发布时间: {f.year + 1}-01-2{f.seed % 10} 10:3{f.seed % 10}", "文号: ", "发布机构: ",
          "栏目: 政府信息公开年报", f"原文链接: {o['url']}", f"本地目录: zwgk/ndbg/{f.year + 1}01/{f.name}",
          "页面链接与图片详见 links.tsv(同目录)", "==================== 正文 ====================")
    f.title_line = d.next
    body = []
    if o.get("nav"):
        body.append(o["nav"] + " ")
    body.append(f"{f.title} 根据《中华人民共和国政府信息公开条例》要求，编制本报告。本报告所列数据的统计期限自{f.year}年1月1日起至{f.year}年12月31日止。")
    body.append("一、总体情况" + "".join(p1))
    body.append("二、主动公开政府信息情况 " + run_ad(f))
    body.append("三、收到和处理政府信息公开申请情况" + run_app(f) + " ")
    body.append("四、政府信息公开行政复议、行政诉讼情况 " + run_rl(f))
    body.append("五、政府信息公开工作存在的主要问题及改进情况" + "".join(p5))
    body.append("六、其他需要报告的事项" + "".join(p6) + " 附件下载")
    line = d.next
    d.add("".join(body))
    for n in range(1, 7):
        d.headings[n] = line
    for table, data in (("ad", f.ad), ("app", f.app), ("rl", f.rl)):
        for k, v in data.items():
            d.mark(table, k, [line] * len(v))
    return d


def render_ocr(f):
    d = Doc()
    p1, p5, p6 = story(f)
    d.add(f"# {f.o['ocr_title']}", "", f.agency, f"({f.year + 1}年1月2{f.seed % 10}日)", "")
    f.title_line = 1
    d.add(f"依据《中华人民共和国政府信息公开条例》(以下简称《条例》)规定，编制本报告。本报告所列数据统计期限从{f.year}年1月1日至{f.year}年12月31日止。", "")
    for n in range(1, 7):
        d.headings[n] = d.next
        d.add(heading(f, n), "")
        if n == 1:
            d.add(p1[0], "")
            for i, p in enumerate(p1[1:]):
                # OCR makes some paragraph starts into headings.
                if i % 2 == 0:
                    head, _, rest = p.partition("。")
                    d.add(f"### {head}。", rest, "")
                else:
                    d.add(p, "")
        elif n == 2:
            ocr_ad(d, f)
        elif n == 3:
            ocr_app(d, f)
        elif n == 4:
            ocr_rl(d, f)
        elif n == 5:
            for p in p5:
                d.add(p, "")
        else:
            for p in p6:
                d.add(p, "")
    d.add(f.agency, f"{f.year + 1}年1月2{f.seed % 10}日")
    return d


def render(f):
    if f.layout == "html":
        return render_html(f)
    if f.layout == "web":
        return render_web(f)
    if f.layout == "ocr":
        return render_ocr(f)
    return render_text(f)
