# An object-heavy scheduler benchmark in the spirit of Richards: tasks with
# priorities exchange packets through a scheduler; exercises method calls,
# attribute access, small objects and polymorphism. (Written for Adder.)
IDLE, WORKER, HANDLER_A, HANDLER_B, DEV_A, DEV_B = range(6)

class Packet:
    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.count = 0
        self.data = [0, 0, 0, 0]

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue

class Task:
    def __init__(self, sched, ident, prio, queue):
        self.sched = sched
        self.ident = ident
        self.prio = prio
        self.queue = queue
        self.waiting = queue is not None
        self.held = False

    def runnable(self):
        return not self.held and (not self.waiting or self.queue is not None)

    def take(self):
        p = self.queue
        self.queue = p.link
        self.waiting = False
        return p

class IdleTask(Task):
    def __init__(self, sched, ident, prio, seed, count):
        Task.__init__(self, sched, ident, prio, None)
        self.seed = seed
        self.count = count

    def step(self, packet):
        self.count -= 1
        if self.count == 0:
            return None
        if self.seed & 1 == 0:
            self.seed >>= 1
            return self.sched.release(DEV_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.sched.release(DEV_B)

class WorkerTask(Task):
    def __init__(self, sched, ident, prio, queue):
        Task.__init__(self, sched, ident, prio, queue)
        self.dest = HANDLER_A
        self.value = 0

    def step(self, packet):
        if packet is None:
            return self.sched.wait()
        self.dest = HANDLER_B if self.dest == HANDLER_A else HANDLER_A
        packet.dest = self.dest
        packet.count = 0
        for i in range(4):
            self.value = self.value + 1 if self.value < 26 else 1
            packet.data[i] = self.value
        return self.sched.queue_packet(packet)

class HandlerTask(Task):
    def __init__(self, sched, ident, prio, queue):
        Task.__init__(self, sched, ident, prio, queue)
        self.work = None
        self.dev = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == 1:
                self.work = packet.append_to(self.work)
            else:
                self.dev = packet.append_to(self.dev)
        if self.work is not None:
            w = self.work
            if w.count >= 4:
                self.work = w.link
                return self.sched.queue_packet(w)
            if self.dev is not None:
                d = self.dev
                self.dev = d.link
                d.data[0] = w.data[w.count]
                w.count += 1
                return self.sched.queue_packet(d)
        return self.sched.wait()

class DeviceTask(Task):
    def __init__(self, sched, ident, prio, queue):
        Task.__init__(self, sched, ident, prio, queue)
        self.pending = None

    def step(self, packet):
        if packet is None:
            if self.pending is None:
                return self.sched.wait()
            p = self.pending
            self.pending = None
            return self.sched.queue_packet(p)
        self.pending = packet
        self.sched.hold_count += 1
        return self.sched.hold()

class Scheduler:
    def __init__(self):
        self.tasks = [None] * 6
        self.current = None
        self.queue_count = 0
        self.hold_count = 0

    def add(self, task):
        self.tasks[task.ident] = task

    def by_priority(self):
        return sorted((t for t in self.tasks if t is not None), key=lambda t: -t.prio)

    def release(self, ident):
        t = self.tasks[ident]
        t.held = False
        return t if t.prio > self.current.prio else self.current

    def hold(self):
        self.current.held = True
        return None

    def wait(self):
        self.current.waiting = True
        return self.current

    def queue_packet(self, packet):
        t = self.tasks[packet.dest]
        self.queue_count += 1
        packet.link = None
        packet.dest = self.current.ident
        if t.queue is None and t.waiting:
            t.queue = packet
            t.waiting = False
            return t if t.prio > self.current.prio else self.current
        t.queue = packet.append_to(t.queue)
        return self.current

    def run(self):
        order = self.by_priority()
        steps = 0
        while True:
            task = next((t for t in order if t.runnable()), None)
            if task is None:
                return steps
            self.current = task
            packet = task.take() if task.waiting and task.queue is not None else None
            result = task.step(packet)
            steps += 1
            if result is None and task.ident == IDLE and task.count == 0:
                return steps

def make_queue(n, dest, kind):
    q = None
    for _ in range(n):
        q = Packet(q, dest, kind)
    return q

def bench(rounds):
    total = 0
    for r in range(rounds):
        s = Scheduler()
        s.add(IdleTask(s, IDLE, 0, 1, 1000))
        s.add(WorkerTask(s, WORKER, 1000, make_queue(2, WORKER, 1)))
        s.add(HandlerTask(s, HANDLER_A, 2000, make_queue(3, DEV_A, 0)))
        s.add(HandlerTask(s, HANDLER_B, 3000, make_queue(3, DEV_B, 0)))
        s.add(DeviceTask(s, DEV_A, 4000, None))
        s.add(DeviceTask(s, DEV_B, 5000, None))
        for t in s.tasks[DEV_A:]:
            t.held = False
        steps = s.run()
        total += steps + s.queue_count * 3 + s.hold_count * 7 + r
    return total

print(bench(150))
