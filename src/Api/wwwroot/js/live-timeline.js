// The school timeline, live: entries recorded while the page is open arrive as server-sent events from
// GET /api/schools/{id}/timeline/live (the same shape as the timeline API's entries) and are put where they belong in
// occurredAt order, marked "New" for a while and announced to screen readers. Entries that belong on another page or
// outside the filters are only announced. Without JavaScript the page is the plain server-rendered timeline.

const monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const words = name => name.replace(/(?!^)([A-Z])/g, c => " " + c.toLowerCase());
const date = iso => { const d = new Date(iso); return `${d.getUTCDate()} ${monthNames[d.getUTCMonth()]} ${d.getUTCFullYear()}`; };
const markFor = 8000;

function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
        node.className = className;
    }
    if (text !== undefined) {
        node.textContent = text;
    }
    return node;
}

// The same structure the server renders for an entry (SchoolTimeline.razor), without the badges it derives.
function render(entry) {
    const item = element("li", "tl-entry tl-entry--new");
    item.dataset.kind = entry.kind;
    item.dataset.eventId = entry.eventId;
    const time = element("time", "tl-entry__date", date(entry.occurredAt));
    time.setAttribute("datetime", entry.occurredAt);
    const body = element("div", "tl-entry__body");
    const head = element("p", "tl-entry__head");
    head.append(element("span", "tl-entry__kind", words(entry.kind)), element("span", "badge badge--new", "New"));
    body.append(head, element("p", "tl-entry__summary", entry.summary));
    item.append(time, body);
    return item;
}

export function enhance(root = document) {
    const live = root.querySelector("[data-live-timeline]");
    const status = root.querySelector("#timeline-live-status");
    if (!live || !status || typeof EventSource === "undefined") {
        return;
    }
    const { kind, person, from, to } = live.dataset;
    const firstPage = live.dataset.page === "1";
    const lastPage = live.dataset.hasNext !== "true";

    const matches = entry =>
        (!kind || entry.kind === kind)
        && (!person || entry.persons.includes(person))
        && (!from || Date.parse(entry.occurredAt) >= Date.parse(from))
        && (!to || Date.parse(entry.occurredAt) < Date.parse(to));

    function list() {
        let ol = root.querySelector(".timeline-list");
        if (!ol) {
            ol = element("ol", "timeline-list");
            ol.setAttribute("aria-describedby", "timeline-count");
            root.querySelector("#timeline-count").after(ol);
        }
        return ol;
    }

    // Before the first entry that happened later: equal dates stay in recording order, the new one last.
    function place(entry) {
        const ol = list();
        const at = Date.parse(entry.occurredAt);
        const items = [...ol.querySelectorAll(":scope > .tl-entry")];
        const next = items.find(li => Date.parse(li.querySelector("time").getAttribute("datetime")) > at);
        if ((!next && !lastPage && items.length > 0) || (next === items[0] && !firstPage)) {
            return false;
        }
        const item = render(entry);
        ol.insertBefore(item, next ?? null);
        setTimeout(() => item.classList.add("tl-entry--seen"), markFor);
        return true;
    }

    const source = new EventSource(live.dataset.liveTimeline);
    source.addEventListener("entry", message => {
        const entry = JSON.parse(message.data);
        if (root.querySelector(`.tl-entry[data-event-id="${entry.eventId}"]`)) {
            return;
        }
        const what = `${words(entry.kind)} on ${date(entry.occurredAt)}: ${entry.summary}`;
        if (matches(entry) && place(entry)) {
            status.textContent = `New entry: ${what}`;
        } else {
            status.textContent = `New entry on another page or outside the filters: ${what}`;
        }
    });
    // Too much was missed to be sent entry by entry: the page itself is the way to catch up.
    source.addEventListener("reset", () => {
        status.textContent = "The timeline has changed a lot; reload the page to see every entry.";
        source.close();
    });
    window.addEventListener("pagehide", () => source.close());
}

enhance();
