// The sample chat, driven in headless Chromium against two nodes of one cluster. Starts no server: it is given
// the base URLs of node A and node B (CHAT_URL_A, CHAT_URL_B), for instance by ChatBrowserIntegrationTests or by
// sample-app/run-cluster.sh:
//
//   CHAT_URL_A=http://127.0.0.1:8080/ CHAT_URL_B=http://127.0.0.1:8081/ node --test --test-reporter=tap chat.test.mjs
//
// Env (optional): CHROMIUM (default /usr/bin/chromium), CHAT_SCREENSHOT_DIR (default sample-app/target/browser).
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const urlA = required('CHAT_URL_A');
const urlB = required('CHAT_URL_B');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const screenshotDir = process.env.CHAT_SCREENSHOT_DIR || join(here, '..', '..', '..', 'target', 'browser');
// as root, on a machine with no network but loopback: no sandbox, nothing in the background that calls home
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
	'--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const TIMEOUT = 15_000;

function required(name) {
	const value = process.env[name];
	if (!value) {
		throw new Error(`${name} is not set: give the base URL of a sample node, e.g. http://127.0.0.1:8080/`);
	}
	return value.endsWith('/') ? value : `${value}/`;
}

async function getJson(url) {
	const response = await fetch(url);
	assert.equal(response.status, 200, `GET ${url}`);
	return response.json();
}

async function presence(page) {
	return page.locator('#presence li').allTextContents();
}

describe('sample chat across two nodes', () => {
	const room = `it-${Date.now().toString(36)}`;
	const pageErrors = [];
	let browser;
	let pageA;
	let pageB;
	let configA;
	let configB;

	before(async () => {
		configA = await getJson(`${urlA}config`);
		configB = await getJson(`${urlB}config`);
		browser = await chromium.launch({ executablePath, headless: true, args: FLAGS, timeout: 60_000 });
		// one context each: two independent visitors
		pageA = await (await browser.newContext({ viewport: { width: 1000, height: 640 } })).newPage();
		pageB = await (await browser.newContext({ viewport: { width: 1000, height: 640 } })).newPage();
		for (const [name, page] of [['A', pageA], ['B', pageB]]) {
			page.setDefaultTimeout(TIMEOUT);
			page.on('pageerror', (error) => pageErrors.push(`${name}: ${error.message}`));
			page.on('response', (response) => {
				if (response.status() >= 400) {
					pageErrors.push(`${name}: ${response.status()} for ${response.url()}`);
				}
			});
			page.on('console', (message) => {
				if (message.type() === 'error') {
					pageErrors.push(`${name} console: ${message.text()}`);
				}
			});
		}
		await Promise.all([pageA.goto(urlA), pageB.goto(urlB)]);
	});

	after(async () => {
		await browser?.close();
	});

	it('serves the vendored socket.io-client 4.8.4 unchanged', async () => {
		const served = Buffer.from(await (await fetch(`${urlA}vendor/socket.io-client-4.8.4/socket.io.min.js`)).arrayBuffer());
		const npm = await readFile(join(here, 'node_modules', 'socket.io-client', 'dist', 'socket.io.min.js'));
		assert.ok(served.equals(npm), 'static/vendor/socket.io-client-4.8.4/socket.io.min.js differs from npm\'s 4.8.4');
	});

	it('connects each page to the Socket.IO server of the node that served it', async () => {
		assert.notEqual(configA.serverId, configB.serverId, 'two different nodes');
		assert.notEqual(configA.socketIoPort, configB.socketIoPort);
		await pageA.locator('#status.online').waitFor();
		await pageB.locator('#status.online').waitFor();
		assert.match(await pageA.locator('#status').textContent(), new RegExp(`^${configA.serverId} `));
		assert.match(await pageB.locator('#status').textContent(), new RegExp(`^${configB.serverId} `));
	});

	it('shows both nicknames in the presence list of both pages', async () => {
		await pageA.fill('#nick', 'alice');
		await pageA.fill('#room', room);
		await pageA.click('#join');
		await pageA.locator('#presence li', { hasText: 'alice' }).waitFor();
		await pageB.fill('#nick', 'bob');
		await pageB.fill('#room', room);
		await pageB.click('#join');
		for (const page of [pageA, pageB]) {
			await page.locator('#presence li', { hasText: 'bob' }).waitFor();
			assert.deepEqual(await presence(page), ['alice', 'bob']);
			assert.equal(await page.locator('#presence-count').textContent(), '(2)');
		}
	});

	it('delivers a message typed on A to B, through Redis', async () => {
		const text = `hello from ${configA.serverId}`;
		await pageA.fill('#text', text);
		await pageA.press('#text', 'Enter');
		const onB = pageB.locator('#messages li', { hasText: text });
		await onB.waitFor();
		assert.equal(await onB.locator('.nick').textContent(), 'alice');
		assert.match(await onB.locator('.meta').textContent(), new RegExp(`^${configA.serverId} · `));
		await pageA.locator('#messages li', { hasText: text }).waitFor(); // the sender sees it too
		assert.equal(await pageA.inputValue('#text'), '');
	});

	it('delivers an announcement posted to B\'s REST endpoint to A', async () => {
		const text = `announcement through ${configB.serverId}`;
		const response = await fetch(`${urlB}api/rooms/${room}/announcements`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ text }),
		});
		assert.equal(response.status, 202);
		const onA = pageA.locator('#messages li.announcer', { hasText: text });
		await onA.waitFor();
		assert.equal(await onA.locator('.nick').textContent(), 'announcer');
		await pageB.locator('#messages li.announcer', { hasText: text }).waitFor();

		const rejected = await fetch(`${urlB}api/rooms/${room}/announcements`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ text: '   ' }),
		});
		assert.equal(rejected.status, 400, 'blank text is refused');
	});

	it('saves screenshots of both pages', async () => {
		await mkdir(screenshotDir, { recursive: true });
		await pageA.screenshot({ path: join(screenshotDir, 'chat.png') });
		await pageB.screenshot({ path: join(screenshotDir, 'chat-b.png') });
	});

	it('moves a page that joins another room out of the first room\'s presence list', async () => {
		await pageA.fill('#room', `${room}-2`);
		await pageA.click('#join');
		await pageB.waitForFunction(() => document.querySelectorAll('#presence li').length === 1, null,
			{ timeout: TIMEOUT });
		assert.deepEqual(await presence(pageB), ['bob']);
		await pageA.locator('#room-title', { hasText: `#${room}-2 as alice` }).waitFor();
		assert.deepEqual(await presence(pageA), ['alice']);
		assert.equal(await pageA.locator('#messages li').count(), 0, 'a new room starts with no message');

		await pageA.fill('#room', room); // and back
		await pageA.click('#join');
		await pageB.locator('#presence li', { hasText: 'alice' }).waitFor();
		await pageA.locator('#presence li', { hasText: 'bob' }).waitFor();
	});

	it('drops a page that leaves from the presence list of the other', async () => {
		await pageB.close();
		await pageA.waitForFunction(() => document.querySelectorAll('#presence li').length === 1, null,
			{ timeout: TIMEOUT });
		assert.deepEqual(await presence(pageA), ['alice']);
	});

	it('raised no error in the pages', () => {
		assert.deepEqual(pageErrors, []);
	});
});
