/* Typed browser client: the 2010 Socket.IO client API for today's browsers.
   new io.Socket(host, options); socket.connect(); socket.send(message);
   socket.on('message' | 'connect' | 'close' | 'disconnect' | 'connect_failed', fn); typed events: socket.emit(name, ...args), socket.on(name, fn). */
(function (global) {
  'use strict';

  var SOCKET_EVENTS = { connect: 1, message: 1, close: 1, disconnect: 1, reconnect: 1, connect_failed: 1 };

  var io = global.io = {
    version: '1.0.0',
    path: '/socket.io/',
    setPath: function (path) { io.path = path; },
    Transport: {},
    util: {}
  };

  // ---- small helpers ------------------------------------------------------------------------

  function extend(target, source) {
    for (var key in source) if (Object.prototype.hasOwnProperty.call(source, key)) target[key] = source[key];
    return target;
  }

  function later(ms) { return new Promise(function (resolve) { setTimeout(resolve, ms); }); }

  function withTimeout(promise, ms) {
    return new Promise(function (resolve, reject) {
      var timer = setTimeout(function () { reject(new Error('timed out')); }, ms);
      promise.then(function (v) { clearTimeout(timer); resolve(v); }, function (e) { clearTimeout(timer); reject(e); });
    });
  }

  // A proxy may accept a request and never answer it: past ms the request is aborted, which
  // fails it and frees its connection.
  function within(abort, ms, promise) {
    var timer = ms < 2e9 && setTimeout(function () { abort.abort(); }, ms);
    return promise.then(function (v) { clearTimeout(timer); return v; }, function (e) { clearTimeout(timer); throw e; });
  }

  function readCookie(name) {
    var match = document.cookie.match('(?:^|;)\\s*' + name.replace('.', '\\.') + '=([^;]*)');
    return match ? decodeURIComponent(match[1]) : null;
  }

  io.util = { extend: extend, readCookie: readCookie };

  // ---- transports: each opens a downstream, hands frames to the socket, carries payloads up ----

  function Transport(socket, name) {
    this.socket = socket;
    this.name = name;
    this._closed = false;
  }

  Transport.prototype.url = function (sessionId, extra, websocket) {
    var o = this.socket.options;
    var scheme = websocket ? (o.secure ? 'wss' : 'ws') : (o.secure ? 'https' : 'http');
    var url = scheme + '://' + this.socket.host + ':' + o.port + '/' + o.resource + '/' + this.name + (sessionId ? '/' + sessionId : '') + (extra || '');
    // Browsers give a WebSocket, an EventSource or an iframe no headers of the page's: the token
    // goes in the query of every request.
    var query = this.socket._token ? ['access_token=' + encodeURIComponent(this.socket._token)] : [];
    if (!sessionId && o.acks) query.push('acks=1');
    if (sessionId && this.socket.acknowledged) query.push('ack=' + this.socket.lastReceived);
    return query.length ? url + '?' + query.join('&') : url;
  };

  Transport.prototype._frame = function (data) { this._heard = Date.now(); if (!this._closed) this.socket._onFrame(this, data); };

  Transport.prototype._ended = function (reason) {
    if (this._closed) return;
    this.stop();
    if (this._openFailed) this._openFailed(reason);
    this.socket._onTransportEnded(this, reason);
  };

  Transport.prototype.stop = function () { this._closed = true; clearInterval(this._watcher); this.close(); };

  /**
   * Ends the transport when nothing has arrived for longer than the socket's patience, or when
   * check says the stream is over: a stream that a proxy holds open and silent never ends.
   */
  Transport.prototype._watch = function (fallback, check) {
    var self = this;
    self._heard = Date.now();
    self._watcher = setInterval(function () {
      if ((check && check()) || Date.now() - self._heard > self.socket._patience(self.name, fallback)) self._ended();
    }, 500);
  };

  /** Declares a transport, which the socket uses where check says the browser can run it. */
  function define(name, check) {
    var T = io.Transport[name] = function (socket) { Transport.call(this, socket, name); };
    T.prototype = Object.create(Transport.prototype);
    T.check = check;
    return T.prototype;
  }

  /**
   * A request with the page's cookies, whatever the origin (the server allows an origin with
   * credentials); 404 says the session is gone, 401 and 403 that the page may not have it.
   */
  Transport.prototype.fetch = function (url, init) {
    init.credentials = 'include';
    return fetch(url, init).then(function (response) {
      if (response.ok) return response;
      throw { status: response.status, message: response.statusText, expired: response.status === 404 };
    });
  };

  // Fetch-based downstreams stop by aborting their request.
  Transport.prototype.close = function () { if (this.abort) this.abort.abort(); };

  /** POST .../send with the payload in the form field data, for every HTTP transport. */
  Transport.prototype.send = function (payload) {
    var self = this, body = 'data=' + encodeURIComponent(payload), abort = new AbortController();
    // An upload left unanswered fails in time, as a refused one does: the socket reattaches and
    // sends what is unconfirmed again.
    return within(abort, self.socket.options.requestTimeout + body.length / 64, this.fetch(this.url(this.socket.sessionId, '/send'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: body,
      signal: abort.signal
    }).then(function (response) { return response.text(); })).then(function (text) {
      return text.charAt(0) === '{' ? JSON.parse(text).ack : null;
    });
  };

  /** Tells the server that the session is over (POST .../leave), after the upload on its way. */
  Transport.prototype._leave = function (upload) {
    var self = this;
    // keepalive lets it outlive a page that is going away.
    return Promise.resolve(upload).then(function () {
      return self.fetch(self.url(self.socket.sessionId, '/leave'), { method: 'POST', keepalive: true });
    }).catch(function () {});
  };

  // websocket: one RFC 6455 connection, a frame per message, payloads the other way.
  var websocket = define('websocket', function () { return 'WebSocket' in global; });
  websocket.open = function (sessionId) {
    var self = this;
    return new Promise(function (resolve, reject) {
      var ws = self.ws = new WebSocket(self.url(sessionId, '', true));
      var opened = false;
      ws.onopen = function () { opened = true; self._watch(); resolve(); };
      ws.onmessage = function (event) { self._frame(event.data); };
      ws.onclose = function () { if (!opened) reject(); else self._ended(); };
    });
  };
  websocket.send = function (payload) { this.ws.send(payload); return Promise.resolve(); };
  // Closing a socket that is closed already throws.
  websocket.close = function () { try { this.ws.close(); } catch (e) { } };
  // A close with 4000 says the session is over; the server's answer ends the connection.
  websocket._leave = function () {
    var ws = this.ws, o = this.socket.options;
    return new Promise(function (resolve) {
      ws.addEventListener('close', resolve);
      setTimeout(resolve, o.requestTimeout);
      ws.close(4000);
    });
  };

  // server-events: EventSource, one event per frame; upstream by POST. EventSource hides comments,
  // so a session of acknowledged delivery gets its heartbeats as events, and is watched for silence.
  var events = define('server-events', function () { return 'EventSource' in global; });
  events.open = function (sessionId) {
    var self = this;
    return new Promise(function (resolve, reject) {
      var source = self.source = new EventSource(self.url(sessionId), { withCredentials: self.socket.crossOrigin });
      var opened = false;
      source.onopen = function () { opened = true; self._watch(); resolve(); };
      source.onmessage = function (event) { self._frame(event.data); };
      // EventSource would reconnect by itself to the same URL; the socket decides instead.
      source.onerror = function () { source.close(); if (!opened) reject(); else self._ended(); };
    });
  };
  events.close = function () { if (this.source) this.source.close(); };

  // htmlfile: the forever iframe, inside a same-origin wrapper frame whose `s` is this transport,
  // so the page's scripts call parent.s._(frame) without a global on the page.
  var htmlfile = define('htmlfile', function () { return 'document' in global; });
  io.Transport.htmlfile.xdomainCheck = function () { return false; };
  htmlfile.open = function (sessionId) {
    var self = this;
    return new Promise(function (resolve) {
      var wrapper = self._wrapper = document.createElement('iframe');
      wrapper.style.display = 'none';
      document.body.appendChild(wrapper);
      var doc = wrapper.contentWindow.document;
      doc.open(); doc.write('<html><body></body></html>'); doc.close();
      var nodes = 0;
      wrapper.contentWindow.s = { _: function (frame) { resolve(); self._frame(frame); } };
      var stream = doc.createElement('iframe');
      stream.onload = function () { self._ended(); };
      stream.src = self.url(sessionId);
      doc.body.appendChild(stream);
      // A cut stream can end without a load event. Frames and heartbeat comments add nodes to the
      // stream's page, so a page that stops growing is gone; it is open once its first node shows.
      self._watch(25000, function () {
        var done = false, count = 0;
        try {
          var streamDoc = stream.contentWindow.document;
          count = streamDoc.body ? streamDoc.body.childNodes.length : 0;
          // The empty page shown until the response comes reads complete too.
          done = count > 0 && streamDoc.readyState === 'complete';
        } catch (e) { done = true; }
        if (count !== nodes) { nodes = count; self._heard = Date.now(); resolve(); }
        return done;
      });
    });
  };
  htmlfile.close = function () {
    // Removing a frame that is gone already does nothing.
    if (this._wrapper) this._wrapper.remove();
  };

  // A kept-open fetch whose body is read as it arrives (xhr-multipart, where multipart XHR is gone).
  function streamParts(self, url, onText) {
    self.abort = new AbortController();
    return self.fetch(url, { signal: self.abort.signal }).then(function (response) {
      var reader = response.body.getReader();
      var decoder = new TextDecoder();
      // Heartbeat parts arrive as chunks too, so a stream silent past the patience is gone.
      self._watch();
      (function pump() {
        reader.read().then(function (chunk) {
          if (chunk.done) { self._ended(); return; }
          self._heard = Date.now();
          onText(decoder.decode(chunk.value, { stream: true }));
          pump();
        }, function () { self._ended(); });
      })();
    });
  }

  // xhr-multipart: multipart/x-mixed-replace, one text/plain part per frame.
  var multipart = define('xhr-multipart', function () { return 'fetch' in global && 'ReadableStream' in global; });
  multipart.open = function (sessionId) {
    var self = this, buffer = '', boundary = '--socketio\n', started = false;
    return streamParts(this, this.url(sessionId), function (text) {
      buffer += text;
      if (!started) { if (buffer.length < boundary.length) return; buffer = buffer.slice(boundary.length); started = true; }
      var end;
      while ((end = buffer.indexOf('\n' + boundary)) >= 0) {
        var part = buffer.slice(0, end);
        buffer = buffer.slice(end + 1 + boundary.length);
        var body = part.slice(part.indexOf('\n\n') + 2);
        if (body !== '\u0006') self._frame(body);
      }
    });
  };
  
  // xhr-polling: a GET held until there is something to send; polled again after every answer.
  var polling = define('xhr-polling', function () { return 'fetch' in global; });
  polling._acknowledgesDownstream = true;
  polling.open = function (sessionId) {
    var self = this, quick = sessionId && this.socket.acknowledged;
    var first = this._poll(sessionId, quick);
    // A new session's first poll is the handshake the socket waits for. A reattaching one with
    // acknowledged delivery asks to be answered at once, and the socket waits for that answer, so
    // that a poll hung on the way fails the attempt in time; without, a held poll that fails
    // ends the transport, so that the socket tries again.
    first.then(function () { self._loop(); }, function (e) { if (sessionId && !quick) self._ended(e); });
    return sessionId && !quick ? Promise.resolve() : first;
  };
  polling._poll = function (sessionId, quick) {
    var self = this, abort = self.abort = new AbortController();
    // A held poll answers within the server's heartbeat; one unanswered well past it is hung.
    return within(abort, quick || !sessionId ? Infinity : self.socket._patience(self.name), self.fetch(self.url(sessionId, sessionId ? '/' + Date.now() : '//' + Date.now()) + (quick ? '&wait=0' : ''), {
      signal: abort.signal
    }).then(function (response) { return response.text(); })).then(function (text) { if (text.length) self._frame(text); });
  };
  polling._loop = function () {
    var self = this;
    if (self._closed) return;
    self._poll(self.socket.sessionId).then(function () { self._loop(); }, function (e) { self._ended(e); });
  };
  
  // flashsocket needs Flash, which no browser has any more.
  io.Transport.flashsocket = { check: function () { return false; } };

  // ---- the socket ------------------------------------------------------------------------------

  function Socket(host, options) {
    var secure = global.location && location.protocol === 'https:';
    this.options = extend({
      secure: secure,
      port: (global.location && location.port) || (secure ? 443 : 80),
      resource: 'socket.io',
      transports: ['websocket', 'server-events', 'htmlfile', 'xhr-multipart', 'xhr-polling'],
      transportOptions: {},
      rememberTransport: true,
      reconnect: true,
      reconnectDelay: 250,
      maxReconnectDelay: 10000,
      connectTimeout: 5000,
      requestTimeout: 5000,
      answerTimeout: 30000,
      acks: true
    }, options || {});
    this.host = host || (global.location && location.hostname) || 'localhost';
    this.crossOrigin = !global.location || this.host !== location.hostname || String(this.options.port) !== String(location.port || (secure ? 443 : 80));
    this.connected = false;
    this.connecting = false;
    this.transport = null;
    this.sessionId = null;
    this.acknowledged = false;
    this.lastReceived = 0;
    this._listeners = {};
    // {seq, text} sent or not, until confirmed (how many of them went out on the current connection,
    // and what the server confirmed, start with each session in _openSession).
    this._outbox = [];
    this._nextSeq = 1;
    // The answers awaited, by id; _sending: the transport whose upload is on its way.
    this._pending = {};
    this._nextId = 1;
    // A page that goes away leaves its session, so that the server ends it at once.
    var self = this;
    if (global.addEventListener) global.addEventListener('pagehide', function (event) { if (!event.persisted && self.connected) self.disconnect(true); });
  }

  Socket.prototype.addEvent = Socket.prototype.on = function (name, fn) {
    (this._listeners[name] = this._listeners[name] || []).push(fn);
    return this;
  };

  Socket.prototype.removeEvent = Socket.prototype.off = function (name, fn) {
    var list = this._listeners[name] || [];
    var index = list.indexOf(fn);
    if (index >= 0) list.splice(index, 1);
    return this;
  };

  Socket.prototype.fireEvent = function (name, args) {
    var list = (this._listeners[name] || []).slice();
    for (var i = 0; i < list.length; i++) {
      try { list[i].apply(this, args || []); } catch (e) { setTimeout(function () { throw e; }); }
    }
  };

  /** Sends a plain message (a string, usually), delivered exactly as given. */
  Socket.prototype.send = function (message) {
    this._outbox.push({ seq: this._nextSeq++, text: JSON.stringify(message) });
    this._flush();
    return this;
  };

  /**
   * Sends a typed event. With a function as the last argument, or when the page asks for the
   * answer, the event carries an id and the returned promise resolves with the server's answer.
   */
  Socket.prototype.emit = function (name) {
    var args = Array.prototype.slice.call(arguments, 1);
    var callback = typeof args[args.length - 1] === 'function' ? args.pop() : null;
    var self = this, id = this._nextId++;
    var promise = new Promise(function (resolve, reject) {
      var timer = setTimeout(function () { delete self._pending[id]; reject(new Error("No answer to '" + name + "' in time")); }, self.options.answerTimeout);
      self._pending[id] = { name: name, resolve: resolve, reject: reject, timer: timer };
    });
    if (callback) promise.then(function (result) { callback(result); }, function () {});
    // A fire-and-forget event need not be watched.
    else promise.catch(function () {});
    this._outbox.push({ seq: this._nextSeq++, text: JSON.stringify({ event: name, args: args, id: id }) });
    this._flush();
    return promise;
  };

  Socket.prototype.connect = function () {
    if (this.connected || this.connecting) return this;
    this.connecting = true;
    this._stopped = false;
    this._openSession();
    return this;
  };

  /**
   * Leaves the session: the server ends it at once rather than after its timeout. socket.left
   * settles once the server has heard (or could not be told). A page going away leaves now,
   * rather than after the upload on its way, which it would not outlive.
   */
  Socket.prototype.disconnect = function (now) {
    this._stopped = true;
    this.connecting = false;
    var transport = this.transport || this._opening;
    this.transport = this._opening = null;
    this.left = transport && this.sessionId ? transport._leave(now ? null : this._upload) : Promise.resolve();
    if (transport) transport.stop();
    if (this.connected) { this.connected = false; this.fireEvent('disconnect'); }
    return this;
  };

  Socket.prototype._transportsToTry = function () {
    var names = this.options.transports.slice();
    var remembered = this.options.rememberTransport ? readCookie('socket.io') : null;
    if (remembered && names.indexOf(remembered) >= 0) names = [remembered].concat(names.filter(function (n) { return n !== remembered; }));
    var self = this;
    return names.filter(function (name) {
      var T = io.Transport[name];
      return T && T.check() && (!self.crossOrigin || !T.xdomainCheck || T.xdomainCheck());
    });
  };

  /** Tries each transport in turn until one delivers the handshake in time. */
  Socket.prototype._openSession = function () {
    var self = this, names = this._transportsToTry();
    this.sessionId = null;
    this.lastReceived = 0;
    this._lastAcked = 0;
    this._written = 0;
    this._nextSeq = 1;
    this._outbox.forEach(function (entry) { entry.seq = self._nextSeq++; });
    (function attempt(index) {
      if (self._stopped) return;
      if (index >= names.length) {
        self.connecting = false;
        self.fireEvent('disconnect');
        return self._scheduleRetry(function () { self.connecting = true; self._openSession(); });
      }
      var transport = new io.Transport[names[index]](self);
      self._opening = transport;
      // Ending before the handshake fails the attempt; once it is in, that failure is settled already.
      var handshake = new Promise(function (resolve, reject) { transport._handshake = resolve; transport._openFailed = reject; });
      withTimeout(self._authorize().then(function () { transport.open(null).catch(transport._openFailed); return handshake; }), self.options.connectTimeout)
        .then(function () {
          self._opening = null;
          self._attempts = 0;
          if (self.options.rememberTransport) document.cookie = 'socket.io=' + encodeURIComponent(transport.name);
        }, function (error) {
          transport.stop();
          self._unlessRefused(transport, null, error, function () { attempt(index + 1); });
        });
    })(0);
  };

  /** Asks for the access token, a value or a function's (a promise of it or itself), before every connection. */
  Socket.prototype._authorize = function () {
    var self = this, token = this.options.accessToken;
    return Promise.resolve(typeof token === 'function' ? token() : token).then(function (value) { self._token = value; });
  };

  /**
   * Goes on unless the server refused the page's credentials (401, 403): then the socket stops
   * trying and says why. A browser hides why a WebSocket, an EventSource or an iframe was refused,
   * so a HEAD request to the same address asks, in time, as a hung request would keep it waiting.
   */
  Socket.prototype._unlessRefused = function (transport, sessionId, error, goOn) {
    var self = this;
    function judge(e) {
      if (self._stopped) return;
      // 401 or 403, and nothing else, gives 403 with its second bit set.
      if ((e && e.status | 2) !== 403) return goOn();
      self.disconnect();
      self.fireEvent('connect_failed', [e]);
      self.fireEvent('disconnect', [e]);
    }
    if (error && error.status) judge(error);
    else transport.fetch(transport.url(sessionId), { method: 'HEAD', signal: AbortSignal.timeout(this.options.requestTimeout) }).then(judge, judge);
  };

  Socket.prototype._scheduleRetry = function (retry) {
    setTimeout(retry, this._backoff(this._attempts = (this._attempts || 0) + 1));
  };

  /** Exponential backoff with jitter, so that many pages do not come back in step; never past cap. */
  Socket.prototype._backoff = function (attempt, cap) {
    var o = this.options;
    return Math.min(cap || Infinity, o.maxReconnectDelay, o.reconnectDelay * Math.pow(2, Math.min(attempt, 16))) * (0.5 + Math.random() * 0.5);
  };

  Socket.prototype._onFrame = function (transport, data) {
    if (transport !== this.transport && transport !== this._opening) return;
    var frame;
    try { frame = typeof data === 'string' ? JSON.parse(data) : data; } catch (e) { return; }
    // Heartbeats and anything else pass unseen.
    if (!frame || !frame.messages) return;
    var messages = frame.messages, start = 0;
    if (!this.sessionId) {
      var handshake;
      try { handshake = typeof messages[0] === 'string' ? JSON.parse(messages[0]) : null; } catch (e) { handshake = null; }
      if (!handshake || !handshake.sessionid) return;
      this.sessionId = handshake.sessionid;
      this.acknowledged = !!handshake.acks && this.options.acks;
      // Told with acknowledged delivery: the longest a live downstream is silent, and how long the
      // session waits without one; they bound how long a request may hang.
      this._heartbeat = handshake.heartbeat > 0 ? handshake.heartbeat : 0;
      this._lifetime = handshake.timeout > 0 ? handshake.timeout : 0;
      this.transport = transport;
      this.connected = true;
      this.connecting = false;
      start = 1;
      transport._handshake && transport._handshake();
      this.fireEvent('connect');
      this._flush();
    }
    if (this.acknowledged && typeof frame.ack === 'number') this._acknowledge(frame.ack);
    var numbered = this.acknowledged && typeof frame.seq === 'number';
    for (var i = start; i < messages.length; i++) {
      if (numbered) {
        var seq = frame.seq + i - start;
        if (seq <= this.lastReceived) continue;
        this.lastReceived = seq;
      }
      this._deliver(messages[i]);
    }
    if (numbered && !transport._acknowledgesDownstream) this._flushSoon();
  };

  /** An answer to one of ours, an event for a handler, or else a plain message. */
  Socket.prototype._deliver = function (message) {
    var self = this;
    if (message && typeof message === 'object' && !Array.isArray(message)) {
      if (typeof message.answer === 'number' && this._pending[message.answer]) {
        var pending = this._pending[message.answer];
        delete this._pending[message.answer];
        clearTimeout(pending.timer);
        if ('error' in message) pending.reject(new Error("The handler of '" + pending.name + "' failed: " + message.error));
        else pending.resolve(message.result);
        return;
      }
      if (typeof message.event === 'string' && Array.isArray(message.args) && !SOCKET_EVENTS[message.event] && this._listeners[message.event]) {
        var handlers = this._listeners[message.event].slice();
        var answer = function (reply) { if (typeof message.id === 'number') self._outbox.push({ seq: self._nextSeq++, text: JSON.stringify(reply) }), self._flush(); };
        // Every handler hears the event; the first one's result answers it.
        Promise.resolve().then(function () {
          var results = handlers.map(function (handler) { return handler.apply(self, message.args); });
          return results[0];
        }).then(
          function (result) { answer({ answer: message.id, result: result === undefined ? null : result }); },
          function (error) { answer({ answer: message.id, error: String(error && error.message || error) }); });
        return;
      }
    }
    this.fireEvent('message', [message]);
  };

  Socket.prototype._acknowledge = function (ack) {
    var count = 0;
    while (count < this._outbox.length && count < this._written && this._outbox[count].seq <= ack) count++;
    this._outbox.splice(0, count);
    this._written -= count;
  };

  /** How long a live downstream may be silent: the page's or the transport's own limit, within the server's heartbeat and some slack. */
  Socket.prototype._patience = function (name, fallback) {
    var limit = (this.options.transportOptions[name] || {}).timeout || fallback || Infinity, beat = this._heartbeat;
    return beat ? Math.min(limit, beat + Math.max(2000, beat / 5)) : limit;
  };

  /** Acknowledges what arrived within a second, one acknowledgement for many messages, or at once when 32 are owed. */
  Socket.prototype._flushSoon = function () {
    var self = this;
    if (!this._ackTimer) this._ackTimer = setTimeout(function () { self._ackTimer = null; self._flush(true); }, 1000);
    if (this.lastReceived - this._lastAcked > 31) this._flush(true);
  };

  /** Sends what is waiting, one payload at a time, with what is owed in acknowledgements. */
  Socket.prototype._flush = function (ackOnly) {
    var self = this, transport = this.transport;
    if (!this.connected || !transport || this._sending) return;
    var batch = this._outbox.slice(this._written);
    var owed = this.acknowledged && this.lastReceived > this._lastAcked && !transport._acknowledgesDownstream;
    if (!batch.length && !(ackOnly && owed)) return;
    var texts = batch.map(function (entry) { return entry.text; });
    var payload = this.acknowledged
      ? '{' + (batch.length ? '"seq":' + batch[0].seq + ',' : '') + '"ack":' + this.lastReceived + (batch.length ? ',"messages":[' + texts.join(',') + ']' : '') + '}'
      : '[' + texts.join(',') + ']';
    var sentAck = this.lastReceived;
    this._sending = transport;
    this._written += batch.length;
    this._upload = transport.send(payload).then(function (serverAck) {
      // An upload of a connection given up settles nothing of the next one.
      if (self._sending !== transport) return;
      self._sending = null;
      self._lastAcked = Math.max(self._lastAcked, sentAck);
      if (!self.acknowledged) { self._outbox.splice(0, batch.length); self._written -= batch.length; }
      else if (typeof serverAck === 'number') self._acknowledge(serverAck);
      if (self._outbox.length > self._written) self._flush();
    }, function (error) {
      // Everything unconfirmed goes again on the next connection.
      if (self._sending === transport) { self._sending = null; self._written = 0; }
      transport._ended(error);
    });
  };

  Socket.prototype._onTransportEnded = function (transport, reason) {
    if (transport !== this.transport) return;
    this.transport = null;
    this.connected = false;
    this._written = 0;
    // An upload on its way may never be answered; the numbers make sending it again safe.
    if (this.acknowledged) this._sending = null;
    this.fireEvent('close');
    if (this._stopped) return;
    if (!this.options.reconnect) { this.fireEvent('disconnect'); return; }
    this.connecting = true;
    this._reattach(transport.name, reason && reason.expired, 0);
  };

  /** Reconnects to the same session over the same transport; a new session when it is gone. */
  Socket.prototype._reattach = function (name, expired, failures, since) {
    var self = this, transport, life = this._lifetime;
    since = since || Date.now();
    var young = Date.now() - since < life;
    if (this._stopped) return;
    // A browser hides why a WebSocket or an EventSource was refused, so repeated failures count as
    // expiry too, once the session's lifetime (when told) is past.
    if (expired || (failures >= 3 && !young)) { this.fireEvent('disconnect'); this._openSession(); return; }
    // Within the lifetime the waits stay short, so that failures do not back off past its end.
    later(this._backoff(failures, young && life / 16)).then(function () {
      if (self._stopped) return;
      transport = self._opening = new io.Transport[name](self);
      // Ending before it is open fails the attempt rather than starting another.
      var failed = new Promise(function (resolve, reject) { transport._openFailed = reject; });
      // A fifth of the session's lifetime, so that three attempts hung on the way leave time for a fourth.
      var bound = Math.min(self.options.connectTimeout, life ? Math.max(1000, life / 5) : Infinity);
      return withTimeout(self._authorize().then(function () { return Promise.race([transport.open(self.sessionId), failed]); }), bound).then(function () {
        if (transport._closed) throw new Error('closed');
        self._opening = null;
        self.transport = transport;
        self.connected = true;
        self.connecting = false;
        self.fireEvent('reconnect');
        self._flush();
      });
    }).catch(function (error) {
      if (transport) transport.stop();
      if (self._opening === transport) self._opening = null;
      self._unlessRefused(transport, self.sessionId, error, function () { self._reattach(name, error && error.expired, failures + 1, since); });
    });
  };

  io.Socket = Socket;
})(typeof window !== 'undefined' ? window : this);
