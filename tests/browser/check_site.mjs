// Opens a generated documentation site in Debian's headless Chromium and reports, as one JSON object
// on stdout, what tests/tests/docs_site.rs asserts on: console errors and failed loads per page, the
// text of the Request syntax block of one operation page, the search results for a query, where
// clicking the first result leads, and a screenshot of the operation page.
//
// usage: node check_site.mjs SITE_DIR OPERATION_PAGE QUERY SCREENSHOT
//   OPERATION_PAGE is relative to SITE_DIR (sagemaker/sagemaker_create_endpoint_config.html).
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [siteDir, opPage, query, screenshot] = process.argv.slice(2);
if (!screenshot) {
  console.error("usage: node check_site.mjs SITE_DIR OPERATION_PAGE QUERY SCREENSHOT");
  process.exit(2);
}
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const profile = mkdtempSync(join(tmpdir(), "awsgen-chromium-"));
const url = (rel) => pathToFileURL(join(resolve(siteDir), rel)).href;

const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});

/** Load `rel` in a fresh tab, collecting console errors, uncaught exceptions and failed requests. */
async function visit(rel) {
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => errors.push(`exception: ${e.message}`));
  page.on("requestfailed", (r) => errors.push(`failed load: ${r.url()} (${r.failure()?.errorText})`));
  const response = await page.goto(url(rel), { waitUntil: "load" });
  if (response && !response.ok()) errors.push(`status ${response.status()} for ${rel}`);
  return { page, errors };
}

const result = { pages: {} };
try {
  for (const rel of ["index.html", opPage]) {
    const { page, errors } = await visit(rel);
    result.pages[rel] = { errors, title: await page.title() };
    if (rel === opPage) {
      result.request_syntax = await page.evaluate(() => {
        const h = document.getElementById("request-syntax");
        let n = h && h.nextElementSibling;
        while (n && n.tagName !== "PRE") n = n.nextElementSibling;
        return n ? n.textContent : null;
      });
      result.permalink = await page.evaluate(() => {
        const a = document.querySelector("#request-syntax a.headerlink");
        return a ? a.getAttribute("href") : null;
      });
      await page.screenshot({ path: screenshot, fullPage: false });
    }
    await page.close();
  }
  // Search as a user does: type into the header's box on the landing page and submit.
  const { page, errors } = await visit("index.html");
  await page.fill("#q", query);
  await Promise.all([page.waitForURL(/search\.html/), page.press("#q", "Enter")]);
  await page.waitForSelector("#status");
  result.search = {
    status: await page.textContent("#status"),
    hits: await page.$$eval("a.hit", (as) => as.map((a) => a.textContent)),
  };
  result.pages["search.html"] = { errors, title: await page.title() };
  if (result.search.hits.length > 0) {
    await Promise.all([page.waitForURL(/\.html$/), page.click("a.hit >> nth=0")]);
    result.search.first_leads_to = page.url();
    result.search.first_title = await page.title();
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(result));
