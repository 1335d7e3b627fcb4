import type { CreatedSession } from "@candor/shared";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  DESKTOP,
  PHONE,
  signUpInBrowser,
  test,
  type Browsing,
} from "./browser-utils.js";
import type { RunningServer } from "./utils.js";

// A lost phone is not a lost seat (issue 14), in chromium: a couple on their own moves a seat to a third
// phone with the partner's code, and a therapist's console issues a new link that a new phone opens.
describe("a seat moves to a new phone", () => {
  let server: RunningServer;
  let browsing: Browsing;
  const phone = () => browsing.newPage(PHONE);
  const seatGone = (page: Page) =>
    page
      .getByRole("heading", {
        name: "We couldn't find your place in this session",
      })
      .waitFor();

  test.beforeAll(({ server: running, browsing: opened }) => {
    server = running;
    browsing = opened;
  });

  it("a couple on their own: the new phone shows a code, the partner types it, and the seat moves with its order", async () => {
    const a = await phone();
    await a.goto(server.url);
    await a.getByRole("radio", { name: /^Consent and boundaries/ }).check();
    await a.getByLabel("I have read this and want to start").check();
    await a.getByRole("button", { name: "Start a couple session" }).click();
    const link = await a.getByLabel("Link for your partner").inputValue();
    const b = await phone();
    await b.goto(link);
    await b.getByLabel("I have read this and want to join").check();
    await b.getByRole("button", { name: "Join session" }).click();
    for (const p of [a, b])
      await p.getByRole("heading", { name: "You're both here" }).waitFor();
    await b.getByRole("button", { name: "Next question" }).click();
    await b.getByRole("button", { name: "Show the question" }).click();
    const bOrder = await b.locator(".ynm-label").allTextContents();
    expect(bOrder.length).toBeGreaterThan(4);

    // B's phone is "lost": a new phone opens the code, finds the couple full, and asks to move a seat.
    const c = await phone();
    await c.goto(link);
    await c.getByLabel("I have read this and want to join").check();
    await c.getByRole("button", { name: "Join session" }).click();
    await c
      .getByRole("alert")
      .getByText("Both seats in this couple session are already taken")
      .waitFor();
    await c
      .getByRole("button", {
        name: "I'm one of the two partners — move my seat to this phone",
      })
      .click();
    const code =
      (await c.getByTestId("reclaim-code").textContent())?.trim() ?? "";
    expect(code).toMatch(/^[0-9]{6}$/);
    await browsing.shot(c, "seat-reclaim-new-phone");

    // Partner A is asked; a wrong code is refused calmly, the right one moves B's seat.
    await a
      .getByRole("heading", {
        name: "Your partner wants to move their seat to a new phone",
      })
      .waitFor();
    await browsing.shot(a, "seat-reclaim-partner");
    await a
      .getByLabel("Code from the new phone")
      .fill(code === "000000" ? "111111" : "000000");
    await a.getByRole("button", { name: "Move their seat" }).click();
    await a
      .getByRole("alert")
      .getByText("That is not the code shown on the new phone")
      .waitFor();
    await a.getByLabel("Code from the new phone").fill(code);
    await a.getByRole("button", { name: "Move their seat" }).click();
    await a
      .getByRole("heading", {
        name: "Your partner wants to move their seat to a new phone",
      })
      .waitFor({ state: "detached" });

    // The new phone is in the seat, with the same order of the list; the old one is out.
    await c.getByRole("button", { name: "Show the question" }).click();
    await expect(c.locator(".ynm-label").allTextContents()).resolves.toEqual(
      bOrder,
    );
    await seatGone(b);
  });

  it("a therapist's console issues a new link for partner B; the old phone is out, the new one opens the seat once", async () => {
    const console_ = await browsing.newPage(DESKTOP);
    await signUpInBrowser(console_, server.url, "reissue");
    const created = (await (
      await console_.request.post(`${server.url}/api/sessions`, {
        data: { deckId: "consent-and-boundaries", mode: "couple" },
      })
    ).json()) as CreatedSession;
    const join = async (p: Page) => {
      await p.goto(`${server.url}/j/${created.state.code}`);
      await p.getByLabel("I have read this and want to join").check();
      await p.getByRole("button", { name: "Join session" }).click();
      await p.waitForURL(`**/s/${created.state.id}`);
    };
    const [a, b] = [await phone(), await phone()];
    await join(a);
    await join(b);
    await console_.goto(`${server.url}/console/sessions/${created.state.id}`);
    const seats = console_.getByRole("region", { name: "Seats" });
    await seats.getByText("Partner B").waitFor();
    await seats
      .getByRole("button", { name: "Issue a new link for Partner B" })
      .click();
    await seats
      .getByText("The phone that holds Partner B now will be disconnected")
      .waitFor();
    await seats
      .getByRole("button", { name: "Issue a new link", exact: true })
      .click();
    const newLink = await seats
      .getByRole("textbox", { name: "New link for Partner B" })
      .inputValue();
    expect(newLink).toMatch(new RegExp(`/s/${created.state.id}#.{20,}$`));
    await seats.getByAltText("QR code to join").waitFor();
    await seats.getByText("new link not opened yet").waitFor();
    await browsing.shot(console_, "seat-reissue-console");
    await seatGone(b);

    const d = await phone();
    await d.goto(newLink);
    await d
      .getByRole("heading", { name: "Move your seat to this phone" })
      .waitFor();
    await d.getByLabel("I have read this and want to join").check();
    await d.getByRole("button", { name: "Move my seat here" }).click();
    await d.waitForURL(`**/s/${created.state.id}`);
    expect(new URL(d.url()).hash).toBe("");
    await d
      .getByRole("heading", { name: "Waiting for the session to start" })
      .waitFor();
    // The link opens once: another phone with it is told so.
    const e = await phone();
    await e.goto(newLink);
    await e.getByLabel("I have read this and want to join").check();
    await e.getByRole("button", { name: "Move my seat here" }).click();
    await e
      .getByRole("alert")
      .getByText("This link could not be opened")
      .waitFor();
    // The console sees the seat on a phone again.
    await seats.getByText("new link not opened yet").waitFor({ state: "detached" });
    // Partner A's phone was never touched.
    await a
      .getByRole("heading", { name: "Waiting for the session to start" })
      .waitFor();
  });
});
