// The chat page: connects to the Socket.IO port of the node that served it (GET /config), joins one room at a time.
(function () {
	'use strict';

	const $ = (id) => document.getElementById(id);
	const status = $('status');
	let socket = null;
	let node = '?';
	let joined = null; // {nick, room} once the server accepted the join

	function setStatus(text, online) {
		status.textContent = text;
		status.classList.toggle('online', online);
		status.classList.toggle('offline', !online);
	}

	function setJoined(value) {
		joined = value;
		$('text').disabled = !value;
		$('send').disabled = !value;
		$('room-title').textContent = value ? `#${value.room} as ${value.nick}` : 'Not in a room';
	}

	function join(nick, room) {
		$('join-error').textContent = '';
		socket.emit('chat:join', { nick, room }, (answer) => {
			if (answer && answer.ok) {
				if (!joined || joined.room !== room) {
					$('messages').replaceChildren();
				}
				setJoined({ nick, room });
				$('text').focus();
			}
			else {
				$('join-error').textContent = (answer && answer.error) || 'not joined';
			}
		});
	}

	function showMessage(message) {
		if (!joined || message.room !== joined.room) {
			return;
		}
		const item = document.createElement('li');
		item.dataset.nick = message.nick;
		if (message.nick === 'announcer') {
			item.classList.add('announcer');
		}
		else if (message.nick === joined.nick) {
			item.classList.add('mine');
		}
		const meta = document.createElement('span');
		meta.className = 'meta';
		const at = new Date(message.at);
		meta.textContent = `${message.node} · ${isNaN(at) ? '' : at.toLocaleTimeString()}`;
		const nick = document.createElement('span');
		nick.className = 'nick';
		nick.textContent = message.nick;
		const text = document.createElement('span');
		text.className = 'text';
		text.textContent = message.text;
		item.append(meta, nick, text);
		const list = $('messages');
		list.append(item);
		list.scrollTop = list.scrollHeight;
	}

	function showPresence(nicks) {
		const items = (Array.isArray(nicks) ? nicks : []).map((nick) => {
			const item = document.createElement('li');
			item.textContent = nick;
			return item;
		});
		$('presence').replaceChildren(...items);
		$('presence-count').textContent = `(${items.length})`;
	}

	function connect(config) {
		node = config.serverId;
		const url = `${location.protocol}//${location.hostname}:${config.socketIoPort}`;
		socket = io(url);
		socket.on('connect', () => {
			setStatus(`${node} · connected`, true);
			$('join').disabled = false;
			if (joined) { // a new session after a reconnection: join again
				join(joined.nick, joined.room);
			}
		});
		socket.on('disconnect', () => {
			setStatus(`${node} · disconnected`, false);
			$('join').disabled = true;
		});
		socket.on('connect_error', (error) => setStatus(`${node} · ${error.message}`, false));
		socket.on('chat:message', showMessage);
		socket.on('chat:presence', showPresence);
	}

	$('join-form').addEventListener('submit', (event) => {
		event.preventDefault();
		join($('nick').value.trim(), $('room').value.trim());
	});

	$('send-form').addEventListener('submit', (event) => {
		event.preventDefault();
		const text = $('text').value.trim();
		if (!joined || !text) {
			return;
		}
		socket.emit('chat:message', { room: joined.room, text }, (answer) => {
			if (answer && !answer.ok) {
				$('join-error').textContent = answer.error;
			}
		});
		$('text').value = '';
	});

	fetch('config')
		.then((response) => response.json())
		.then(connect)
		.catch((error) => setStatus(`no config: ${error.message}`, false));
})();
