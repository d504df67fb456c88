/**
 * The Java frontend ({@link dev.mrcheck.frontend.java.JavaFrontend}): device classes that use
 * QEMU's memory API through generated FFM bindings or an object-oriented facade, lowered to the
 * same IR as the C frontend.
 *
 * <h2>Names the API model and the analysis see</h2>
 *
 * <ul>
 *   <li>Functions: {@code Class.method} with the simple class name; {@code Class.method/arity} when
 *       the class declares several methods of that name; constructors {@code Class.<init>}, static
 *       initialization {@code Class.<clinit>}; lambdas {@code Class.method$lambda$N};
 *       anonymous-class methods {@code Class.method$anon$N.name}; adapters of method references
 *       stored in fields {@code Class.method$ref$N}. Methods and constructors are never file-local;
 *       lambdas, anonymous-class methods and adapters always are (nothing outside the file names
 *       them).
 *   <li>Parameters: instance methods, constructors, lambdas and anonymous-class methods start with
 *       {@code Param("this", Class)} (for lambdas and anonymous classes: the enclosing object).
 *   <li>FFM calls ({@code memory_h.memory_region_init_io(...)}, holder classes ending in {@code
 *       _h}, or statically imported): callee is the C name. ALL-CAPS one-argument calls ({@code
 *       qom_h.OBJECT(x)}, {@code MY_DEV(dev)}) and casts are looked through. {@code
 *       MemorySegment.NULL} and {@code null} are {@code Value.Null}.
 *   <li>Facade calls: static {@code MemoryRegion.io(owner, ops, name, size)} is callee {@code
 *       MemoryRegion.io} with its arguments; an instance call {@code recv.m(a)} is callee {@code
 *       Type.m} with arguments {@code [recv, a]}, where Type is the receiver's declared type, or
 *       the scanned superclass that declares {@code m}; unknown receiver types give {@code ?.m}
 *       (unless exactly one scanned class declares {@code m} with that arity). {@code x = new T(a)}
 *       is callee {@code T.<init>} with arguments {@code [x, a]}.
 *   <li>Paths: {@code this.mmio} and bare field names are {@code this->mmio} (root {@code this},
 *       PARAM); trivial getters ({@code return mmio;}) and record accessors are looked through, so
 *       {@code s.mmio()} is {@code s->mmio}; {@code a[i]} is {@code a->[*]}; static fields are
 *       GLOBAL {@code Class.FIELD}; lambdas and method references as values are GLOBAL paths naming
 *       the function.
 *   <li>Functions in fields: a field whose declared type is a functional interface (a scanned
 *       interface with one abstract method, or the JDK's {@code Runnable}, {@code Consumer}, ...)
 *       holds a function taking the object holding the field first, then the interface method's
 *       arguments. {@code f = () -> ...}, {@code f = this::m} and {@code f = new I() { ... }} store
 *       the lambda, the method, or the anonymous class's implementation of the abstract method
 *       ({@code Assign(this->f, GLOBAL name)}); a static method, an unbound or otherwise bound
 *       reference ({@code Type::m}, {@code peer::m}) and anything static code stores get an
 *       adapter. {@code x.f.m(a)} with {@code m} the abstract method is {@link
 *       dev.mrcheck.ir.Stmt.Call#throughField} on {@code x->f} with arguments {@code [x, a]}.
 *       Untyped lambda parameters are typed by the symbol solver when a call needs their type.
 *   <li>Conditions: {@code x != null} is C's {@code if (x)}, {@code x == null} is {@code if (!x)}.
 * </ul>
 *
 * <h2>Devices</h2>
 *
 * {@link dev.mrcheck.frontend.java.DeviceRecognizer} emits one {@code TypeRegistration} per device
 * class: name and instanceStruct = simple class name, parent = superclass simple name, hooks {@code
 * instance_init/realize/unrealize/instance_finalize} = function names, properties {@code
 * language=java} and {@code hotpluggable=true|false} when {@code isHotpluggable()} returns a
 * constant (in the class or a scanned superclass).
 */
package dev.mrcheck.frontend.java;
