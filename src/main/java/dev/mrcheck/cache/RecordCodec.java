package dev.mrcheck.cache;

import dev.mrcheck.ir.Cfg;
import dev.mrcheck.ir.CfgNode;
import dev.mrcheck.ir.Stmt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A compact binary form for the value graphs the cache keeps (a file's IR, its lexical index, a
 * scan's result): records by their components, enums by name, strings, boxed primitives, lists,
 * sets, maps, paths, a {@link Cfg} by its nodes and edges, and a plain class of this tool by its
 * fields. It names no class of the values it carries, so the data types can change freely: a value
 * written by another build does not decode (its class or shape differs) and the cache then
 * recomputes it, and the build is part of every key anyway.
 *
 * <p>Each encoding holds its own string and class tables, so a path repeated in ten thousand source
 * locations is stored once. Unordered sets and maps of comparable elements are written sorted, so
 * equal values encode to equal bytes (their digest is a cache key) whatever their hash order.
 */
public final class RecordCodec {
  private static final int NULL = 0;
  private static final int STRING = 1;
  private static final int STRING_REF = 2;
  private static final int INT = 3;
  private static final int LONG = 4;
  private static final int TRUE = 5;
  private static final int FALSE = 6;
  private static final int ENUM = 7;
  private static final int RECORD = 8;
  private static final int LIST = 9;
  private static final int SET = 10;
  private static final int MAP = 11;
  private static final int PATH = 12;
  private static final int CFG = 13;
  private static final int PLAIN = 14;
  private static final int BYTES = 15;
  private static final int DOUBLE = 16;
  private static final int CHAR = 17;
  private static final int SORTED_SET = 18;
  private static final int SORTED_MAP = 19;

  /** First byte of an encoding that shares repeated objects; then the value. */
  private static final int SHARING = 20;

  /** An object written before, by its index among the shareable values written so far. */
  private static final int SHARED = 21;

  /** Only this tool's classes are ever instantiated from cache bytes. */
  private static final String OWN_PACKAGE = "dev.mrcheck.";

  private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

  private RecordCodec() {}

  /** Why a value could not be written or read back; the cache then skips or recomputes it. */
  public static final class CodecException extends Exception {
    CodecException(String message, Throwable cause) {
      super(message, cause);
    }

    CodecException(String message) {
      super(message);
    }
  }

  public static byte[] encode(Object value) throws CodecException {
    return encode(value, UnaryOperator.identity());
  }

  /**
   * As {@link #encode(Object)}, with each value inside first passed through {@code substitute}: to
   * leave out what the cache keeps elsewhere (a file's text, say).
   */
  public static byte[] encode(Object value, UnaryOperator<Object> substitute)
      throws CodecException {
    return encode(value, substitute, false);
  }

  /**
   * As {@link #encode(Object, UnaryOperator)}, writing an object met again (the same object: a
   * record, a plain object, a collection) as a reference to its first writing, and decoding it as
   * one object again: for value graphs that share much (the analysis' states share their fact sets
   * copy-on-write). Equal values may then encode to different bytes: not for digests.
   */
  public static byte[] encodeSharing(Object value, UnaryOperator<Object> substitute)
      throws CodecException {
    return encode(value, substitute, true);
  }

  private static byte[] encode(Object value, UnaryOperator<Object> substitute, boolean sharing)
      throws CodecException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      if (sharing) out.writeByte(SHARING);
      new Writer(out, substitute, sharing).write(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new CodecException("cannot encode: " + e, e);
    }
    return bytes.toByteArray();
  }

  public static <T> T decode(byte[] data, Class<T> type) throws CodecException {
    return decode(data, type, UnaryOperator.identity());
  }

  /**
   * As {@link #decode(byte[], Class)}, with each value read passed through {@code resolve} before
   * it goes into what holds it: the inverse of {@link #encode(Object, UnaryOperator)}'s {@code
   * substitute} (a stand-in back to the object it names). An exception from it fails the decode.
   */
  public static <T> T decode(byte[] data, Class<T> type, UnaryOperator<Object> resolve)
      throws CodecException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      in.mark(1);
      boolean sharing = in.readUnsignedByte() == SHARING;
      if (!sharing) in.reset();
      Object v = new Reader(in, resolve, sharing).read(null);
      if (in.available() != 0) throw new CodecException("trailing bytes");
      if (!type.isInstance(v)) throw new CodecException("not a " + type.getSimpleName());
      return type.cast(v);
    } catch (IOException | ReflectiveOperationException | RuntimeException e) {
      throw new CodecException("cannot decode: " + e, e);
    }
  }

  /** How a record or plain class is taken apart and put together; computed once per class. */
  private record Shape(
      Method[] accessors, Class<?>[] types, Constructor<?> constructor, Field[] fields) {
    static Shape of(Class<?> c) {
      try {
        if (c.isRecord()) {
          RecordComponent[] rc = c.getRecordComponents();
          Method[] acc = new Method[rc.length];
          Class<?>[] types = new Class<?>[rc.length];
          for (int i = 0; i < rc.length; i++) {
            acc[i] = rc[i].getAccessor();
            acc[i].setAccessible(true);
            types[i] = rc[i].getType();
          }
          Constructor<?> k = c.getDeclaredConstructor(types);
          k.setAccessible(true);
          return new Shape(acc, types, k, null);
        }
        if (c.getSuperclass() != Object.class)
          throw new IllegalArgumentException("not a record nor a plain class: " + c.getName());
        List<Field> fs = new ArrayList<>();
        for (Field f : c.getDeclaredFields()) {
          if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers()))
            continue;
          f.setAccessible(true);
          fs.add(f);
        }
        Class<?>[] types = fs.stream().map(Field::getType).toArray(Class<?>[]::new);
        Constructor<?> k = c.getDeclaredConstructor();
        k.setAccessible(true);
        return new Shape(null, types, k, fs.toArray(Field[]::new));
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException("no constructor to rebuild " + c.getName(), e);
      }
    }
  }

  /**
   * What sharing numbers: records, plain objects and collections, not the immutable leaves (whose
   * identity nothing relies on) nor a graph (written with its nodes).
   */
  private static boolean shareable(Object v) {
    return v != null && SHAREABLE.get(v.getClass());
  }

  private static final ClassValue<Boolean> SHAREABLE =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> c) {
          return !Cfg.class.isAssignableFrom(c)
              && (Collection.class.isAssignableFrom(c)
                  || Map.class.isAssignableFrom(c)
                  || c.isRecord()
                  || (c.getName().startsWith(OWN_PACKAGE) && !Enum.class.isAssignableFrom(c)));
        }
      };

  private static Shape shape(Class<?> c) {
    return SHAPES.computeIfAbsent(c, Shape::of);
  }

  private static final class Writer {
    private final DataOutputStream out;
    private final Map<String, Integer> strings = new HashMap<>();
    private final Map<Class<?>, Integer> classes = new HashMap<>();

    private final UnaryOperator<Object> substitute;

    /** Shareable objects written so far, by identity, when sharing (else null). */
    private final Map<Object, Integer> written;

    Writer(DataOutputStream out, UnaryOperator<Object> substitute, boolean sharing) {
      this.out = out;
      this.substitute = substitute;
      this.written = sharing ? new IdentityHashMap<>() : null;
    }

    void write(Object value) throws IOException, ReflectiveOperationException {
      Object v = substitute.apply(value);
      if (written == null || !shareable(v)) {
        writeValue(v);
        return;
      }
      Integer known = written.get(v);
      if (known != null) {
        out.writeByte(SHARED);
        varint(known);
        return;
      }
      writeValue(v);
      // numbered once written whole, as the reader numbers it once read whole
      written.put(v, written.size());
    }

    private void writeValue(Object v) throws IOException, ReflectiveOperationException {
      if (v == null) {
        out.writeByte(NULL);
      } else if (v instanceof String s) {
        string(s);
      } else if (v instanceof Integer i) {
        out.writeByte(INT);
        varint(i);
      } else if (v instanceof Long l) {
        out.writeByte(LONG);
        out.writeLong(l);
      } else if (v instanceof Boolean b) {
        out.writeByte(b ? TRUE : FALSE);
      } else if (v instanceof Double d) {
        out.writeByte(DOUBLE);
        out.writeDouble(d);
      } else if (v instanceof Character ch) {
        out.writeByte(CHAR);
        out.writeChar(ch);
      } else if (v instanceof byte[] b) {
        out.writeByte(BYTES);
        varint(b.length);
        out.write(b);
      } else if (v instanceof Enum<?> e) {
        out.writeByte(ENUM);
        type(e.getDeclaringClass());
        string(e.name());
      } else if (v instanceof Path p) {
        out.writeByte(PATH);
        string(p.toString());
      } else if (v instanceof Cfg g) {
        cfg(g);
      } else if (v instanceof List<?> list) {
        out.writeByte(LIST);
        varint(list.size());
        for (Object e : list) write(e);
      } else if (v instanceof Set<?> set) {
        out.writeByte(set instanceof SortedSet ? SORTED_SET : SET);
        varint(set.size());
        for (Object e : ordered(set)) write(e);
      } else if (v instanceof Map<?, ?> map) {
        out.writeByte(map instanceof SortedMap ? SORTED_MAP : MAP);
        varint(map.size());
        for (Object k : ordered(map.keySet())) {
          write(k);
          write(map.get(k));
        }
      } else if (v.getClass().isRecord()) {
        out.writeByte(RECORD);
        type(v.getClass());
        for (Method m : shape(v.getClass()).accessors()) write(m.invoke(v));
      } else if (v.getClass().getName().startsWith(OWN_PACKAGE)) {
        out.writeByte(PLAIN);
        type(v.getClass());
        for (Field f : shape(v.getClass()).fields()) write(f.get(v));
      } else {
        throw new IllegalArgumentException("cannot encode a " + v.getClass().getName());
      }
    }

    /** Hash-ordered collections in a stable order, so equal values give equal bytes. */
    private static Collection<?> ordered(Collection<?> c) {
      if (c instanceof SortedSet || c instanceof LinkedHashSet || c.size() < 2) return c;
      for (Object o : c) if (!(o instanceof Comparable)) return c;
      List<Object> sorted = new ArrayList<>(c);
      sorted.sort(null);
      return sorted;
    }

    private void cfg(Cfg g) throws IOException, ReflectiveOperationException {
      out.writeByte(CFG);
      List<CfgNode> nodes = g.nodes();
      varint(nodes.size());
      for (CfgNode n : nodes) {
        write(n.stmt());
        varint(n.successors().size());
        for (CfgNode s : n.successors()) varint(s.id());
      }
    }

    private void string(String s) throws IOException {
      Integer known = strings.get(s);
      if (known != null) {
        out.writeByte(STRING_REF);
        varint(known);
        return;
      }
      strings.put(s, strings.size());
      out.writeByte(STRING);
      // writeUTF stops at 64 KB; a long literal or message must not.
      byte[] utf = s.getBytes(StandardCharsets.UTF_8);
      varint(utf.length);
      out.write(utf);
    }

    private void type(Class<?> c) throws IOException {
      Integer known = classes.get(c);
      if (known != null) {
        varint(known);
        return;
      }
      classes.put(c, classes.size());
      varint(-1);
      string(c.getName());
    }

    private void varint(int v) throws IOException {
      // zig-zag, so -1 is one byte too
      int z = (v << 1) ^ (v >> 31);
      while ((z & ~0x7f) != 0) {
        out.writeByte((z & 0x7f) | 0x80);
        z >>>= 7;
      }
      out.writeByte(z);
    }
  }

  private static final class Reader {
    private final DataInputStream in;
    private final List<String> strings = new ArrayList<>();
    private final List<Class<?>> classes = new ArrayList<>();
    private final UnaryOperator<Object> resolve;

    /** Shareable objects read so far, in order, when the encoding shares (else null). */
    private final List<Object> read;

    Reader(DataInputStream in, UnaryOperator<Object> resolve, boolean sharing) {
      this.in = in;
      this.resolve = resolve;
      this.read = sharing ? new ArrayList<>() : null;
    }

    /** {@code target}: the declared type the value goes into, to rebuild a collection as one. */
    Object read(Class<?> target) throws IOException, ReflectiveOperationException {
      if (read == null) return resolve.apply(readAsWritten(target));
      in.mark(1);
      if (in.readUnsignedByte() == SHARED) {
        int i = varint();
        if (i < 0 || i >= read.size()) throw new IOException("bad shared reference");
        return read.get(i);
      }
      in.reset();
      Object v = readAsWritten(target);
      if (shareable(v)) read.add(v);
      return resolve.apply(v);
    }

    private Object readAsWritten(Class<?> target) throws IOException, ReflectiveOperationException {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case NULL:
          return null;
        case STRING:
        case STRING_REF:
          return string(tag);
        case INT:
          return varint();
        case LONG:
          return in.readLong();
        case TRUE:
          return Boolean.TRUE;
        case FALSE:
          return Boolean.FALSE;
        case DOUBLE:
          return in.readDouble();
        case CHAR:
          return in.readChar();
        case BYTES:
          {
            byte[] b = new byte[length()];
            in.readFully(b);
            return b;
          }
        case ENUM:
          {
            Class<?> c = type();
            if (!c.isEnum()) throw new IOException("not an enum: " + c.getName());
            String name = string(in.readUnsignedByte());
            for (Object constant : c.getEnumConstants())
              if (((Enum<?>) constant).name().equals(name)) return constant;
            throw new IOException("no constant " + name + " in " + c.getName());
          }
        case PATH:
          return Path.of(string(in.readUnsignedByte()));
        case CFG:
          return cfg();
        case LIST:
          {
            int n = length();
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) list.add(read(null));
            return list;
          }
        case SET:
        case SORTED_SET:
          {
            int n = length();
            Set<Object> set =
                tag == SORTED_SET || (target != null && SortedSet.class.isAssignableFrom(target))
                    ? new TreeSet<>()
                    : new LinkedHashSet<>();
            for (int i = 0; i < n; i++) set.add(read(null));
            return set;
          }
        case MAP:
        case SORTED_MAP:
          {
            int n = length();
            Map<Object, Object> map =
                tag == SORTED_MAP || (target != null && SortedMap.class.isAssignableFrom(target))
                    ? new TreeMap<>()
                    : new LinkedHashMap<>();
            for (int i = 0; i < n; i++) map.put(read(null), read(null));
            return map;
          }
        case RECORD:
          {
            Class<?> c = type();
            if (!c.isRecord()) throw new IOException("not a record: " + c.getName());
            Shape s = shape(c);
            Object[] args = new Object[s.types().length];
            for (int i = 0; i < args.length; i++) args[i] = read(s.types()[i]);
            try {
              return s.constructor().newInstance(args);
            } catch (InvocationTargetException e) {
              throw new IOException("rejected by " + c.getName() + ": " + e.getCause(), e);
            }
          }
        case PLAIN:
          {
            Class<?> c = type();
            Shape s = shape(c);
            Object o = s.constructor().newInstance();
            for (Field f : s.fields()) f.set(o, read(f.getType()));
            return o;
          }
        default:
          throw new IOException("bad tag " + tag);
      }
    }

    private Cfg cfg() throws IOException, ReflectiveOperationException {
      int n = length();
      Cfg g = new Cfg();
      // Node ids are list positions; the constructor made the entry (0) and exit (1), which carry
      // no statement.
      int[][] successors = new int[n][];
      for (int i = 0; i < n; i++) {
        Object stmt = read(null);
        if (i >= 2) g.newNode((Stmt) stmt);
        else if (stmt != null) throw new IOException("entry or exit with a statement");
        int k = length();
        successors[i] = new int[k];
        for (int j = 0; j < k; j++) successors[i][j] = varint();
      }
      List<CfgNode> nodes = g.nodes();
      if (nodes.size() != n) throw new IOException("bad graph size");
      for (int i = 0; i < n; i++)
        for (int s : successors[i]) {
          if (s < 0 || s >= n) throw new IOException("bad edge");
          nodes.get(i).addSuccessor(nodes.get(s));
        }
      return g;
    }

    private String string(int tag) throws IOException {
      if (tag == STRING_REF) {
        int i = varint();
        if (i < 0 || i >= strings.size()) throw new IOException("bad string reference");
        return strings.get(i);
      }
      if (tag != STRING) throw new IOException("expected a string, tag " + tag);
      byte[] utf = new byte[length()];
      in.readFully(utf);
      String s = new String(utf, StandardCharsets.UTF_8);
      strings.add(s);
      return s;
    }

    private Class<?> type() throws IOException, ClassNotFoundException {
      int i = varint();
      if (i >= 0) {
        if (i >= classes.size()) throw new IOException("bad class reference");
        return classes.get(i);
      }
      String name = string(in.readUnsignedByte());
      if (!name.startsWith(OWN_PACKAGE)) throw new IOException("foreign class " + name);
      Class<?> c = Class.forName(name, false, RecordCodec.class.getClassLoader());
      classes.add(c);
      return c;
    }

    private int length() throws IOException {
      int n = varint();
      if (n < 0 || n > in.available()) throw new IOException("bad length " + n);
      return n;
    }

    private int varint() throws IOException {
      int z = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        int b = in.readUnsignedByte();
        z |= (b & 0x7f) << shift;
        if ((b & 0x80) == 0) return (z >>> 1) ^ -(z & 1);
      }
      throw new IOException("bad varint");
    }
  }
}
