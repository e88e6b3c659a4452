// The school replay, enhanced: the slider, the previous/next buttons and the date form move through the school's events
// in place. Each move fetches the state as of the step (GET /api/schools/{id}/state?asOf=) and the month's indicators
// (GET /api/schools/{id}/trajectory?from=&to=) and redraws the panel the server rendered, formatting values the way
// the server does (src/Api/Web/Timeline/TimelineDisplay.cs). Without JavaScript the same controls are plain GET forms.

const modes = ["PrincipalAlone", "PrincipalConsulted", "Shared", "TeacherLed", "StaffConsensus"];
const levels = ["SpeakingUp", "AttractingAttention", "DesignedIntervention", "Resistance"];
const monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const svg = "http://www.w3.org/2000/svg";

// "SpeakingUp" as "Speaking up".
const words = name => name.replace(/(?!^)([A-Z])/g, c => " " + c.toLowerCase());
const date = iso => { const d = new Date(iso); return `${d.getUTCDate()} ${monthNames[d.getUTCMonth()]} ${d.getUTCFullYear()}`; };
const plural = (n, noun) => `${n} ${noun}${n === 1 ? "" : "s"}`;
const byOrdinal = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
// Rounded on the decimal digits, half away from zero, as .NET's "0.#" and "0.00" formats round.
const round = (value, digits) => Number(Math.round(Number(`${value}e${digits}`)) + `e-${digits}`);
const percent = ratio => (ratio == null ? "–" : `${round(ratio * 100, 1)}%`);
const ratio = value => (value == null ? "–" : round(value, 2).toFixed(2));

export function enhance(root = document) {
    const replay = root.querySelector("[data-replay]");
    const panel = root.querySelector("#replay-panel");
    if (!replay || !panel) {
        return;
    }
    const steps = JSON.parse(replay.dataset.steps);
    const names = JSON.parse(replay.dataset.names);
    const school = encodeURIComponent(replay.dataset.school);
    const slider = replay.querySelector("#replay-step");
    const dateInput = replay.querySelector("#replay-at");
    const control = name => replay.querySelector(`[data-control="${name}"]`);
    const field = name => panel.querySelector(`[data-field="${name}"]`);
    const name = id => names[id] ?? id;
    let index = Number(slider.value);
    let ticket = 0;

    // The controls follow at once; the panel follows when its data arrives.
    function showControls(i) {
        const step = steps[i];
        slider.value = String(i);
        slider.setAttribute("aria-valuetext", `${step.date}: ${step.events.map(e => e.kind).join("; ")}`);
        control("date").textContent = step.date;
        control("position").textContent = `event ${i + 1} of ${steps.length}`;
        dateInput.value = step.day;
        for (const button of replay.querySelectorAll("[data-move]")) {
            const target = i + Number(button.dataset.move);
            const inRange = target >= 0 && target < steps.length;
            button.value = steps[inRange ? target : i].at;
            if (inRange) {
                button.removeAttribute("aria-disabled");
            } else {
                button.setAttribute("aria-disabled", "true");
            }
        }
    }

    async function go(i) {
        index = Math.max(0, Math.min(steps.length - 1, i));
        showControls(index);
        const step = steps[index];
        const url = new URL(location.href);
        url.searchParams.delete("step");
        url.searchParams.set("at", step.at);
        history.replaceState(null, "", url);

        const mine = ++ticket;
        panel.setAttribute("aria-busy", "true");
        try {
            const [state, trajectory] = await Promise.all([
                getJson(`/api/schools/${school}/state?asOf=${encodeURIComponent(step.at)}`),
                getJson(`/api/schools/${school}/trajectory?from=${step.month}&to=${step.month}`),
            ]);
            if (mine !== ticket) {
                return;
            }
            drawState(step, state.state);
            drawIndicators(step, trajectory.points[0]);
            field("error").hidden = true;
            panel.dataset.step = String(index);
        } catch (error) {
            if (mine === ticket) {
                field("error").textContent = `The school as of ${step.date} could not be loaded (${error.message}). Try again, or use the Go button without JavaScript.`;
                field("error").hidden = false;
            }
        } finally {
            if (mine === ticket) {
                panel.removeAttribute("aria-busy");
            }
        }
    }

    function drawState(step, state) {
        const time = field("date");
        time.textContent = step.date;
        time.setAttribute("datetime", step.at);
        fill(field("events"), step.events.map(e => item([strong(e.kind), `: ${e.summary}`])));

        const roles = Object.values(state.roles).filter(r => r.retiredAt == null)
            .sort((a, b) => byOrdinal(a.definition.title, b.definition.title));
        const staff = Object.values(state.staffHistory).filter(spells => spells[spells.length - 1].to == null);
        field("staffCount").textContent = String(state.staffCount);
        field("teachers").textContent = String(staff.length);
        field("stage").textContent = state.stageAssessedAt == null
            ? "Not assessed yet"
            : `${state.stage} (assessed ${date(state.stageAssessedAt)})`;
        const filled = roles.reduce((sum, r) => sum + Object.keys(r.holders).length, 0);
        field("seats").textContent = `${filled} of ${roles.reduce((sum, r) => sum + r.definition.seats, 0)}`;
        field("decisions").textContent = String(Object.keys(state.decisions).length);

        fill(field("roles"), roles.length === 0 ? [muted("No role defined yet.")] : roles.map(role => {
            const holders = Object.keys(role.holders).map(name).sort(byOrdinal);
            const seats = document.createElement("span");
            seats.className = "muted";
            seats.textContent = `(${Object.keys(role.holders).length} of ${plural(role.definition.seats, "seat")} filled)`;
            const li = item([strong(role.definition.title), " ", seats, " ", holders.length === 0 ? "no holder" : holders.join(", ")]);
            li.dataset.role = role.definition.roleId;
            return li;
        }));

        const open = Object.entries(state.episodes).filter(([, e]) => e.outcome == null)
            .sort(([a, x], [b, y]) => byOrdinal(x.openedAt, y.openedAt) || byOrdinal(a, b));
        fill(field("episodes"), open.length === 0 ? [muted("None open.")] : open.map(([id, e]) => {
            const li = item([levelBadge(e.level), ` ${name(e.teacherId)}, since ${date(e.openedAt)}`]);
            li.dataset.episode = id;
            return li;
        }));

        const counts = Object.values(state.decisions).reduce((c, mode) => ({ ...c, [mode]: (c[mode] ?? 0) + 1 }), {});
        for (const mode of modes) {
            panel.querySelector(`[data-mode="${mode}"]`).textContent = String(counts[mode] ?? 0);
        }
    }

    function drawIndicators(step, point) {
        field("month").textContent = step.monthLabel;
        const show = (name, text) => { panel.querySelector(`[data-indicator="${name}"]`).textContent = text; };
        show("leadershipDensity", percent(point.leadershipDensity));
        show("sharedDecisionShare", percent(point.sharedDecisionShare));
        show("decisionCentralization", ratio(point.decisionCentralization));
        show("activeTeacherLeaders", String(point.activeTeacherLeaders));
        show("derivedStage", point.derivedStage);
    }

    slider.addEventListener("input", () => showControls(Number(slider.value)));
    slider.addEventListener("change", () => go(Number(slider.value)));
    for (const button of replay.querySelectorAll("[data-move]")) {
        button.addEventListener("click", event => {
            event.preventDefault();
            if (button.getAttribute("aria-disabled") !== "true") {
                go(index + Number(button.dataset.move));
            }
        });
    }
    dateInput.form.addEventListener("submit", event => {
        event.preventDefault();
        if (dateInput.value) {
            go(Math.max(0, steps.findLastIndex(s => s.day <= dateInput.value)));
        }
    });
}

async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) {
        throw new Error(`${url} answered ${response.status}`);
    }
    return response.json();
}

function fill(list, items) {
    list.replaceChildren(...items);
}

function item(parts) {
    const li = document.createElement("li");
    li.append(...parts);
    return li;
}

function strong(text) {
    const element = document.createElement("strong");
    element.textContent = text;
    return element;
}

function muted(text) {
    const li = item([text]);
    li.className = "muted";
    return li;
}

// The same markup as Components/LevelBadge.razor: the level's swatch, then its name.
function levelBadge(level) {
    const badge = document.createElement("span");
    badge.className = "badge badge--level";
    badge.dataset.level = level;
    const swatch = document.createElementNS(svg, "svg");
    swatch.setAttribute("class", "level-swatch");
    swatch.setAttribute("width", "14");
    swatch.setAttribute("height", "14");
    swatch.setAttribute("aria-hidden", "true");
    swatch.setAttribute("focusable", "false");
    const rect = document.createElementNS(svg, "rect");
    for (const [key, value] of Object.entries({ x: "0.75", y: "0.75", width: "12.5", height: "12.5", rx: "2", fill: `url(#level-fill-${levels.indexOf(level) + 1})` })) {
        rect.setAttribute(key, value);
    }
    swatch.append(rect);
    const hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = "Level: ";
    badge.append(swatch, " ", hidden, words(level));
    return badge;
}

enhance();
