/* A stand-in for the browser's WebSocket, so that a test plays the server: it opens the socket,
   sends it frames and closes it with a code, and reads what the runtime sent. Every socket the
   page creates is in FakeSocket.all, oldest first. */
class FakeSocket {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSING = 2;
  static CLOSED = 3;
  static all = [];

  constructor(url) {
    this.url = url;
    this.readyState = FakeSocket.CONNECTING;
    this.sent = [];
    FakeSocket.all.push(this);
  }

  send(text) {
    if (this.readyState !== FakeSocket.OPEN) throw new Error("send on a socket that is not open");
    this.sent.push(JSON.parse(text));
  }

  // The runtime closes: the close event follows, as in a browser.
  close(code = 1005) {
    if (this.readyState >= FakeSocket.CLOSING) return;
    this.readyState = FakeSocket.CLOSED;
    setTimeout(() => this.onclose({ code }), 0);
  }

  // ---- the server's side
  open() {
    this.readyState = FakeSocket.OPEN;
    this.onopen();
  }

  receive(frame) {
    this.onmessage({ data: JSON.stringify(frame) });
  }

  closeWith(code) {
    this.readyState = FakeSocket.CLOSED;
    this.onclose({ code });
  }
}
window.WebSocket = FakeSocket;
