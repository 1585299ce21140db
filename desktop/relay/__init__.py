"""``ramal-relay``: provider webhooks to NATS JetStream, and the live board in a KV bucket.

Qt-free: it runs on a server next to nats-server and shares only the core and the API
client with the consoles.
"""
