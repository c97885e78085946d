"""benchmem application benchmark: list_of_messages.

A mailbox: a list of message objects, each with a few small strings and
ints (id, sender, subject, size, flags, a list of tags). The program fills
it with INITIAL messages, then runs ROUNDS rounds of a mail client's work:
receive a batch, index by sender, sort a view by (sender, id), mark some
read, expire the oldest batch. The live set stays around INITIAL messages,
so peak RSS is dominated by what one small message costs. String hashes are
randomised per process, so nothing here iterates over a set or a
string-keyed order that could differ. Prints one deterministic checksum line.
Written for Adder's bench/mem suite; Python 3.9+ (PyPy 3 runs it too).
"""

INITIAL = 60_000
BATCH = 6_000
ROUNDS = 8
SENDERS = 700
WORDS = ['status', 'report', 'lunch', 'meeting', 'invoice', 'release', 'build',
         'failed', 'passed', 'review', 'urgent', 'weekly', 'draft', 'notes']


class Message:
    def __init__(self, msgid, sender, subject, size):
        self.msgid = msgid
        self.sender = sender
        self.subject = subject
        self.size = size
        self.read = False
        self.tags = []


def compose(msgid):
    sender = 'user%d@example.org' % ((msgid * 7919) % SENDERS)
    w1 = WORDS[msgid % len(WORDS)]
    w2 = WORDS[(msgid // 3) % len(WORDS)]
    subject = 'Re: %s %s #%d' % (w1, w2, msgid)
    msg = Message(msgid, sender, subject, 200 + (msgid * 31) % 4000)
    if msgid % 4 == 0:
        msg.tags.append(w1)
    return msg


def main():
    box = [compose(i) for i in range(INITIAL)]
    next_id = INITIAL
    checksum = 0
    for rnd in range(ROUNDS):
        box.extend(compose(next_id + k) for k in range(BATCH))
        next_id += BATCH
        by_sender = {}
        for msg in box:
            by_sender.setdefault(msg.sender, []).append(msg)
        busiest = max(len(msgs) for msgs in by_sender.values())
        view = sorted(box, key=lambda m: (m.sender, m.msgid))
        for msg in view[::7]:
            msg.read = True
        unread = sum(1 for msg in box if not msg.read)
        tagged = sum(len(msg.tags) for msg in box)
        checksum += busiest + unread + tagged + view[0].msgid + len(view[-1].subject)
        del box[:BATCH]  # expire the oldest batch
    checksum += sum(msg.size for msg in box)
    print('checksum', checksum, len(box))


main()
