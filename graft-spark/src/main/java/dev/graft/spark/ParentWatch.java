package dev.graft.spark;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Starts a Spark daemon of an embedded cluster ({@code ParentWatch PID MAIN ARGS...}) and ends it
 * when the process that started it (the orchestrator) is gone, however it ended: a
 * {@code kill -9}'d orchestrator leaves no Master, Worker or executor behind (the Worker's shutdown
 * hook ends its executors).
 */
final class ParentWatch {
    private ParentWatch() {}

    public static void main(String[] args) throws Exception {
        long parent = Long.parseLong(args[0]);
        Thread watch = new Thread(() -> {
            while (ProcessHandle.of(parent).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.err.println("graft: the orchestrator (pid " + parent + ") is gone; stopping");
            System.exit(143);
        }, "graft-parent-watch");
        watch.setDaemon(true);
        watch.start();
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    }
}
