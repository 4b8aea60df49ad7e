package io.cordon.inspect.tika;

import io.cordon.inspect.Extraction.Status;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded character pipe from the parser thread to the text's reader (the inspector): memory
 * stays at its capacity whatever the document's length. Both sides wait at most until the run's
 * deadline; then the reader sees the end of the text and the writer an exception. The reader
 * closing its end makes the next write fail, which unwinds the parser. Thread-safe for one writer
 * and one reader.
 */
final class TextPipe extends Reader {
  static final int CAPACITY = 64 * 1024;

  private final ParseRun run;
  private final char[] ring = new char[CAPACITY];
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition notFull = lock.newCondition();
  private int head;
  private int size;
  private boolean writerDone;
  private boolean readerClosed;

  TextPipe(ParseRun run) {
    this.run = run;
  }

  /** Parser side: appends text, waiting for room. */
  void write(char[] c, int off, int len) throws IOException {
    lock.lock();
    try {
      while (len > 0) {
        while (size == CAPACITY && !readerClosed && !run.isStopped()) {
          if (!await(notFull)) {
            break;
          }
        }
        if (readerClosed || run.isStopped()) {
          throw new ParseRun.Stopped("text reader stopped");
        }
        int tail = (head + size) % CAPACITY;
        int n = Math.min(len, Math.min(CAPACITY - size, CAPACITY - tail));
        System.arraycopy(c, off, ring, tail, n);
        size += n;
        off += n;
        len -= n;
        notEmpty.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Parser side: no more text. */
  void finish() {
    lock.lock();
    try {
      writerDone = true;
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int read(char[] c, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    lock.lock();
    try {
      while (size == 0 && !writerDone && !readerClosed) {
        if (run.isStopped() && run.stop().status() != Status.TRUNCATED) {
          return -1;
        }
        if (!await(notEmpty)) {
          return -1;
        }
      }
      if (size == 0) {
        return -1;
      }
      int n = Math.min(len, Math.min(size, CAPACITY - head));
      System.arraycopy(ring, head, c, off, n);
      head = (head + n) % CAPACITY;
      size -= n;
      notFull.signal();
      return n;
    } finally {
      lock.unlock();
    }
  }

  /** Waits up to a second; false (and the time limit tripped) once the deadline has passed. */
  private boolean await(Condition condition) throws IOException {
    long left = run.nanosLeft();
    if (left <= 0) {
      run.checkTime();
      return false;
    }
    try {
      condition.await(Math.min(left, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while extracting");
    }
    return true;
  }

  /** Reader side: stops the writer (its next write fails). */
  @Override
  public void close() {
    lock.lock();
    try {
      readerClosed = true;
      notFull.signalAll();
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
