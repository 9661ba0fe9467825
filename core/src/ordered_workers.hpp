// Runs numbered tasks on several threads and hands their results back in number order.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace fascicle::host {

// Calls task(i) for i in [0, count) on `threads` threads, never more than `window` tasks ahead of
// the consumer (so memory is bounded), and consume(i, result) on the calling thread in index order.
// consume returning false stops the run: no new task starts, running ones finish and are dropped.
// The calling thread is one of the `threads`: while the result it must consume next is not
// ready, it runs the next task itself rather than sleep (tasks of a few microseconds, one thread
// per core: a sleep and a wake-up per task cost more than they do). With one thread, everything
// runs on the calling thread in order. Tasks must not throw.
template <class Result, class Task, class Consume>
void run_in_order(std::size_t count, unsigned threads, std::size_t window, Task&& task, Consume&& consume) {
    if (threads <= 1 || count <= 1) {
        for (std::size_t i = 0; i < count; ++i)
            if (!consume(i, task(i))) return;
        return;
    }
    std::mutex mutex;
    std::condition_variable ready, space;
    std::map<std::size_t, Result> done;
    std::size_t next = 0, consumed = 0;
    bool stop = false;
    auto may_start = [&] { return !stop && next < count && next < consumed + window; };

    auto work = [&] {
        for (;;) {
            std::size_t i;
            {
                std::unique_lock lock(mutex);
                space.wait(lock, [&] { return stop || next >= count || next < consumed + window; });
                if (!may_start()) return;
                i = next++;
            }
            Result r = task(i);
            std::lock_guard lock(mutex);
            done.emplace(i, std::move(r));
            ready.notify_all();
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);

    for (std::size_t i = 0; i < count; ++i) {
        std::unique_lock lock(mutex);
        while (done.count(i) == 0) {
            if (may_start()) {
                const std::size_t mine = next++;
                lock.unlock();
                Result r = task(mine);
                lock.lock();
                done.emplace(mine, std::move(r));
            } else {
                ready.wait(lock);
            }
        }
        Result r = std::move(done.at(i));
        done.erase(i);
        consumed = i + 1;
        space.notify_all();
        lock.unlock();
        if (!consume(i, std::move(r))) {
            lock.lock();
            stop = true;
            space.notify_all();
            break;
        }
    }
    for (auto& t : pool) t.join();
}

}  // namespace fascicle::host
