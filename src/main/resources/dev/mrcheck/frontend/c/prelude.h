/*
 * mrcheck C prelude: force-included before every scanned C file.
 *
 * mrcheck parses device code without QEMU's headers. CDT then sees QEMU and GLib macros as
 * unknown identifiers, and some of them make it throw away whole statements or even the next
 * function definition: file-scope macros written without a semicolon (REG32, FIELD,
 * type_init, DEFINE_*_MACHINE), annotations before a function name (coroutine_fn), loop macros
 * used like keywords (QLIST_FOREACH (...) { }), and format macros pasted between string
 * literals ("%" PRIx64). The definitions below are only what it takes to parse such code; they
 * do not reproduce QEMU's semantics. Rules of the house:
 *   - never define a QOM cast macro (OBJECT, DEVICE, ...) as a call of something else: a
 *     call-shaped cast is what the frontend recognises and looks through;
 *   - never expand a macro into a call: extra calls would show up in the IR;
 *   - loops keep their loop shape, guards become "if (1)" (no branch for a constant).
 * A macro defined again by the scanned file simply replaces the one here.
 */

/* ---- types the code names without declaring ---- */
typedef struct Object Object;
typedef struct ObjectClass ObjectClass;
typedef struct DeviceState DeviceState;
typedef struct DeviceClass DeviceClass;
typedef struct BusState BusState;
typedef struct BusClass BusClass;
typedef struct MemoryRegion MemoryRegion;
typedef struct MemoryRegionOps MemoryRegionOps;
typedef struct MemoryRegionSection MemoryRegionSection;
typedef struct AddressSpace AddressSpace;
typedef struct PCIDevice PCIDevice;
typedef struct PCIDeviceClass PCIDeviceClass;
typedef struct PCIBus PCIBus;
typedef struct SysBusDevice SysBusDevice;
typedef struct SysBusDeviceClass SysBusDeviceClass;
typedef struct VirtIODevice VirtIODevice;
typedef struct VirtioDeviceClass VirtioDeviceClass;
typedef struct USBDevice USBDevice;
typedef struct USBDeviceClass USBDeviceClass;
typedef struct TypeInfo TypeInfo;
typedef struct InterfaceInfo InterfaceInfo;
typedef struct Property Property;
typedef struct VMStateDescription VMStateDescription;
typedef struct VMStateField VMStateField;
typedef struct Error Error;
typedef struct MachineState MachineState;
typedef struct MachineClass MachineClass;
typedef struct QEMUTimer QEMUTimer;
typedef struct Chardev Chardev;
typedef struct CharFrontend CharFrontend;
typedef struct CharBackend CharBackend;
typedef struct IOMMUMemoryRegion IOMMUMemoryRegion;
typedef struct ResettableClass ResettableClass;
typedef struct GList GList;
typedef struct GSList GSList;
typedef struct GQueue GQueue;
typedef struct GString GString;
typedef unsigned long long uint64_t;
typedef long long int64_t;
typedef unsigned int uint32_t;
typedef int int32_t;
typedef unsigned short uint16_t;
typedef short int16_t;
typedef unsigned char uint8_t;
typedef signed char int8_t;
typedef unsigned long uintptr_t;
typedef long intptr_t;
typedef unsigned long size_t;
typedef long ssize_t;
typedef _Bool bool;
typedef uint64_t hwaddr;
typedef uint64_t ram_addr_t;
typedef uint64_t dma_addr_t;
typedef uint64_t vaddr;
typedef int gboolean;
typedef char gchar;
typedef unsigned char guchar;
typedef int gint;
typedef unsigned int guint;
typedef void *gpointer;
typedef const void *gconstpointer;
typedef uint64_t guint64;
typedef int64_t gint64;
typedef uint32_t guint32;
typedef int32_t gint32;
typedef uint16_t guint16;
typedef uint8_t guint8;
typedef unsigned long gsize;

/* ---- annotations written before or after declarators ---- */
#define coroutine_fn
#define no_coroutine_fn
#define coroutine_mixed_fn
#define GRAPH_RDLOCK
#define GRAPH_WRLOCK
#define GRAPH_RDLOCK_PTR
#define GRAPH_WRLOCK_PTR
#define GRAPH_UNLOCKED
#define GRAPH_UNLOCKED_PTR
#define GRAPH_AUTO_UNLOCK
#define TSA(...)
#define TSA_CAPABILITY(...)
#define TSA_REQUIRES(...)
#define TSA_REQUIRES_SHARED(...)
#define TSA_EXCLUDES(...)
#define TSA_ACQUIRE(...)
#define TSA_ACQUIRE_SHARED(...)
#define TSA_RELEASE(...)
#define TSA_RELEASE_SHARED(...)
#define TSA_ASSERT(...)
#define TSA_ASSERT_SHARED(...)
#define TSA_GUARDED_BY(...)
#define TSA_PT_GUARDED_BY(...)
#define TSA_NO_TSA
#define QEMU_PACKED
#define QEMU_ALIGNED(...)
#define QEMU_WARN_UNUSED_RESULT
#define QEMU_SENTINEL
#define QEMU_ALWAYS_INLINE
#define QEMU_FLATTEN
#define QEMU_NORETURN
#define QEMU_ERROR(...)
#define QEMU_NONSTRING
#define QEMU_DISABLE_CFI
#define QEMU_UNINITIALIZED
#define QEMU_USED
#define QEMU_ANNOTATE(...)
#define QEMU_FALLTHROUGH
#define QEMU_MAY_ALIAS
#define QEMU_AUTO_VFREE
#define QEMU_PLUGIN_EXPORT
#define QEMU_PLUGIN_LOCAL
#define ATTRIBUTE_UNUSED
#define G_NORETURN
#define G_GNUC_UNUSED
#define G_GNUC_PRINTF(...)
#define G_GNUC_SCANF(...)
#define G_GNUC_FORMAT(...)
#define G_GNUC_WARN_UNUSED_RESULT
#define G_GNUC_NORETURN
#define G_GNUC_CONST
#define G_GNUC_PURE
#define G_GNUC_MALLOC
#define G_GNUC_NULL_TERMINATED
#define G_GNUC_DEPRECATED
#define G_GNUC_DEPRECATED_FOR(...)
#define G_GNUC_INTERNAL
#define G_GNUC_NO_INLINE
#define G_GNUC_FALLTHROUGH
#define G_GNUC_MAY_ALIAS
#define G_GNUC_EXTENSION
#define G_GNUC_ALLOC_SIZE(...)
#define G_GNUC_ALLOC_SIZE2(...)
#define G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#define G_GNUC_END_IGNORE_DEPRECATIONS
#define G_ALWAYS_INLINE
#define G_INLINE_FUNC static inline
#define G_BEGIN_DECLS
#define G_END_DECLS

/* ---- GLib automatic cleanup: keep the declared type ---- */
#define g_autofree
#define g_autoptr(T) T *
#define g_auto(T) T
#define g_autolist(T) GList *
#define g_autoslist(T) GSList *
#define g_autoqueue(T) GQueue *
#define G_DEFINE_AUTOPTR_CLEANUP_FUNC(...)
#define G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(...)
#define G_DEFINE_AUTO_CLEANUP_FREE_FUNC(...)
#define G_STATIC_ASSERT(...) struct mrcheck_static_assert
#define G_STATIC_ASSERT_EXPR(...) 0

/* ---- file-scope registration macros, often written without a semicolon ---- */
#define type_init(...)
#define block_init(...)
#define opts_init(...)
#define trace_init(...)
#define module_init(...)
#define module_obj(...)
#define module_dep(...)
#define module_arch(...)
#define module_kconfig(...)
#define DEFINE_TYPES(...)
#define QEMU_BUILD_BUG_ON(...) struct mrcheck_static_assert
#define QEMU_BUILD_BUG_MSG(...) struct mrcheck_static_assert
#define QEMU_BUILD_BUG_ON_STRUCT(...) int
#define QEMU_BUILD_BUG_ON_ZERO(...) 0

/* QOM declarations: a typedef is all the parser needs. The cast functions they would define
 * stay unknown upper-case calls, which is how the frontend recognises a QOM cast. */
#define OBJECT_DECLARE_TYPE(InstanceType, ClassType, ...) \
    typedef struct InstanceType InstanceType; typedef struct ClassType ClassType;
#define OBJECT_DECLARE_SIMPLE_TYPE(InstanceType, ...) \
    typedef struct InstanceType InstanceType;
#define DECLARE_INSTANCE_CHECKER(...)
#define DECLARE_CLASS_CHECKERS(...)
#define DECLARE_OBJ_CHECKERS(...)
#define OBJECT_CHECK(type, obj, name) ((type *)(obj))
#define OBJECT_CLASS_CHECK(class_type, class, name) ((class_type *)(class))

/* OBJECT_DEFINE_*: emit the TypeInfo they stand for, so the type registration is seen. */
#define MRCHECK_DEFINE_TYPE(ModuleObjName, module_obj_name, MODULE_OBJ_NAME, PARENT, ABSTRACT) \
    static void module_obj_name##_init(Object *obj); \
    static void module_obj_name##_finalize(Object *obj); \
    static const TypeInfo module_obj_name##_info = { \
        .parent = TYPE_##PARENT, \
        .name = TYPE_##MODULE_OBJ_NAME, \
        .instance_size = sizeof(ModuleObjName), \
        .instance_init = module_obj_name##_init, \
        .instance_finalize = module_obj_name##_finalize, \
        .class_init = module_obj_name##_class_init, \
        .abstract = ABSTRACT, \
    };
#define OBJECT_DEFINE_TYPE_EXTENDED(ModuleObjName, module_obj_name, MODULE_OBJ_NAME, PARENT, \
                                    ABSTRACT, ...) \
    MRCHECK_DEFINE_TYPE(ModuleObjName, module_obj_name, MODULE_OBJ_NAME, PARENT, ABSTRACT)
#define OBJECT_DEFINE_TYPE(ModuleObjName, module_obj_name, MODULE_OBJ_NAME, PARENT) \
    MRCHECK_DEFINE_TYPE(ModuleObjName, module_obj_name, MODULE_OBJ_NAME, PARENT, false)
#define OBJECT_DEFINE_TYPE_WITH_INTERFACES(ModuleObjName, module_obj_name, MODULE_OBJ_NAME, \
                                           PARENT, ...) \
    MRCHECK_DEFINE_TYPE(ModuleObjName, module_obj_name, MODULE_OBJ_NAME, PARENT, false)
#define OBJECT_DEFINE_ABSTRACT_TYPE(ModuleObjName, module_obj_name, MODULE_OBJ_NAME, PARENT) \
    MRCHECK_DEFINE_TYPE(ModuleObjName, module_obj_name, MODULE_OBJ_NAME, PARENT, true)
#define OBJECT_DEFINE_SIMPLE_TYPE(ModuleObjName, module_obj_name, MODULE_OBJ_NAME, PARENT) \
    MRCHECK_DEFINE_TYPE(ModuleObjName, module_obj_name, MODULE_OBJ_NAME, PARENT, false)
#define OBJECT_DEFINE_SIMPLE_TYPE_WITH_INTERFACES(ModuleObjName, module_obj_name, \
                                                  MODULE_OBJ_NAME, PARENT, ...) \
    MRCHECK_DEFINE_TYPE(ModuleObjName, module_obj_name, MODULE_OBJ_NAME, PARENT, false)

/* Machine definitions: board code, not device lifecycles; every variant expands to nothing. */
#define DEFINE_CCW_MACHINE(...)
#define DEFINE_CCW_MACHINE_AS_LATEST(...)
#define DEFINE_CCW_MACHINE_IMPL(...)
#define DEFINE_I440FX_MACHINE(...)
#define DEFINE_I440FX_MACHINE_AS_LATEST(...)
#define DEFINE_MACHINE(...)
#define DEFINE_MACHINE_AARCH64(...)
#define DEFINE_MACHINE_ARM(...)
#define DEFINE_MACHINE_EXTENDED(...)
#define DEFINE_MACHINE_RISCV32(...)
#define DEFINE_MACHINE_RISCV32_64(...)
#define DEFINE_MACHINE_RISCV64(...)
#define DEFINE_MACHINE_WITH_INTERFACES(...)
#define DEFINE_MACHINE_WITH_INTERFACE_ARRAY(...)
#define DEFINE_PC_MACHINE(...)
#define DEFINE_PC_VER_MACHINE(...)
#define DEFINE_Q35_MACHINE(...)
#define DEFINE_Q35_MACHINE_AS_LATEST(...)
#define DEFINE_Q35_MACHINE_BUGFIX(...)
#define DEFINE_SPAPR_MACHINE(...)
#define DEFINE_SPAPR_MACHINE_AS_LATEST(...)
#define DEFINE_SPAPR_MACHINE_IMPL(...)
#define DEFINE_VIRT_MACHINE(...)
#define DEFINE_VIRT_MACHINE_AS_LATEST(...)
#define DEFINE_VIRT_MACHINE_BUGFIX(...)
#define DEFINE_VIRT_MACHINE_IMPL(...)
#define DEFINE_VIRT_MACHINE_LATEST(...)
#define DEFINE_VIRT_MACHINE_TAGGED(...)
#define DEFINE_VIRT_MACHINE_VERSION(...)

/* ---- hw/registerfields.h: register and field definitions ---- */
#define REG8(...)
#define REG16(...)
#define REG32(...)
#define REG64(...)
#define FIELD(...)
#define SHARED_FIELD(...)

/* ---- queues and iteration ---- */
#define QLIST_HEAD(name, type) struct name { struct type *lh_first; }
#define QLIST_ENTRY(type) struct { struct type *le_next; struct type **le_prev; }
#define QSLIST_HEAD(name, type) struct name { struct type *slh_first; }
#define QSLIST_ENTRY(type) struct { struct type *sle_next; }
#define QSIMPLEQ_HEAD(name, type) struct name { struct type *sqh_first; struct type **sqh_last; }
#define QSIMPLEQ_ENTRY(type) struct { struct type *sqe_next; }
#define QTAILQ_HEAD(name, type) union name { struct type *tqh_first; void *tqh_circ; }
#define QTAILQ_ENTRY(type) union { struct type *tqe_next; void *tqe_circ; }
#define QLIST_HEAD_INITIALIZER(head) { 0 }
#define QSLIST_HEAD_INITIALIZER(head) { 0 }
#define QSIMPLEQ_HEAD_INITIALIZER(head) { 0 }
#define QTAILQ_HEAD_INITIALIZER(head) { 0 }
#define DECLARE_BITMAP(name, bits) unsigned long name[((bits) + 63) / 64]

/* Accessors read the link fields the FOREACH macros walk: a drain loop (while ((e = QSIMPLEQ_FIRST(h))))
 * names the list's element as FOREACH does. Removals unlink nothing the analysis tracks. */
#define QLIST_FIRST(head) ((head)->lh_first)
#define QLIST_NEXT(elm, field) ((elm)->field.le_next)
#define QLIST_EMPTY(head) ((head)->lh_first == NULL)
#define QSLIST_FIRST(head) ((head)->slh_first)
#define QSLIST_NEXT(elm, field) ((elm)->field.sle_next)
#define QSLIST_EMPTY(head) ((head)->slh_first == NULL)
#define QSIMPLEQ_FIRST(head) ((head)->sqh_first)
#define QSIMPLEQ_NEXT(elm, field) ((elm)->field.sqe_next)
#define QSIMPLEQ_EMPTY(head) ((head)->sqh_first == NULL)
#define QTAILQ_FIRST(head) ((head)->tqh_first)
#define QTAILQ_NEXT(elm, field) ((elm)->field.tqe_next)
#define QTAILQ_EMPTY(head) ((head)->tqh_first == NULL)
#define MRCHECK_FOREACH(var, first, next) for ((var) = (first); (var); (var) = (next))
#define QLIST_FOREACH(var, head, field) MRCHECK_FOREACH(var, (head)->lh_first, (var)->field.le_next)
#define QLIST_FOREACH_RCU(var, head, field) QLIST_FOREACH(var, head, field)
#define QLIST_FOREACH_SAFE(var, head, field, next) QLIST_FOREACH(var, head, field)
#define QLIST_FOREACH_SAFE_RCU(var, head, field, next) QLIST_FOREACH(var, head, field)
#define QLIST_RAW_FOREACH(var, head, field) QLIST_FOREACH(var, head, field)
#define QSLIST_FOREACH(var, head, field) MRCHECK_FOREACH(var, (head)->slh_first, (var)->field.sle_next)
#define QSLIST_FOREACH_RCU(var, head, field) QSLIST_FOREACH(var, head, field)
#define QSLIST_FOREACH_SAFE(var, head, field, next) QSLIST_FOREACH(var, head, field)
#define QSLIST_FOREACH_SAFE_RCU(var, head, field, next) QSLIST_FOREACH(var, head, field)
#define QSIMPLEQ_FOREACH(var, head, field) MRCHECK_FOREACH(var, (head)->sqh_first, (var)->field.sqe_next)
#define QSIMPLEQ_FOREACH_RCU(var, head, field) QSIMPLEQ_FOREACH(var, head, field)
#define QSIMPLEQ_FOREACH_SAFE(var, head, field, next) QSIMPLEQ_FOREACH(var, head, field)
#define QSIMPLEQ_FOREACH_SAFE_RCU(var, head, field, next) QSIMPLEQ_FOREACH(var, head, field)
#define QTAILQ_FOREACH(var, head, field) MRCHECK_FOREACH(var, (head)->tqh_first, (var)->field.tqe_next)
#define QTAILQ_FOREACH_RCU(var, head, field) QTAILQ_FOREACH(var, head, field)
#define QTAILQ_FOREACH_SAFE(var, head, field, next) QTAILQ_FOREACH(var, head, field)
#define QTAILQ_FOREACH_SAFE_RCU(var, head, field, next) QTAILQ_FOREACH(var, head, field)
#define QLIST_FIRST(head) ((head)->lh_first)
#define QSLIST_FIRST(head) ((head)->slh_first)
#define QSIMPLEQ_FIRST(head) ((head)->sqh_first)
#define QTAILQ_FIRST(head) ((head)->tqh_first)
#define QTAILQ_FOREACH_REVERSE(var, head, field) QTAILQ_FOREACH(var, head, field)
#define QTAILQ_FOREACH_REVERSE_SAFE(var, head, field, prev) QTAILQ_FOREACH(var, head, field)
#define QTAILQ_RAW_FOREACH(var, head, field) QTAILQ_FOREACH(var, head, field)
#define CPU_FOREACH(cpu) MRCHECK_FOREACH(cpu, first_cpu, (cpu)->node.tqe_next)
#define CPU_FOREACH_SAFE(cpu, next) CPU_FOREACH(cpu)
#define CPU_FOREACH_REVERSE(cpu) CPU_FOREACH(cpu)
#define IOMMU_NOTIFIER_FOREACH(n, mr) QLIST_FOREACH(n, &(mr)->iommu_notify, node)
#define RAMBLOCK_FOREACH(block) MRCHECK_FOREACH(block, ram_list_first, (block)->next.le_next)
#define INTERNAL_RAMBLOCK_FOREACH(block) RAMBLOCK_FOREACH(block)

/* ---- lock guards: scoped blocks are plain blocks, statement guards vanish ---- */
#define WITH_QEMU_LOCK_GUARD(...) if (1)
#define WITH_RCU_READ_LOCK_GUARD(...) if (1)
#define WITH_GRAPH_RDLOCK_GUARD(...) if (1)
#define WITH_JOB_LOCK_GUARD(...) if (1)
#define WITH_MMAP_LOCK_GUARD(...) if (1)
#define WITH_BQL_LOCK_GUARD(...) if (1)
#define QEMU_LOCK_GUARD(...)
#define RCU_READ_LOCK_GUARD(...)
#define BQL_LOCK_GUARD(...)
#define GRAPH_RDLOCK_GUARD(...)
#define GRAPH_RDLOCK_GUARD_MAINLOOP(...)
#define JOB_LOCK_GUARD(...)

/* ---- format strings pasted between literals ---- */
#define PRId8 "d"
#define PRId16 "d"
#define PRId32 "d"
#define PRId64 "lld"
#define PRIdPTR "ld"
#define PRIdMAX "jd"
#define PRIi8 "i"
#define PRIi16 "i"
#define PRIi32 "i"
#define PRIi64 "lli"
#define PRIiPTR "li"
#define PRIiMAX "ji"
#define PRIo8 "o"
#define PRIo16 "o"
#define PRIo32 "o"
#define PRIo64 "llo"
#define PRIoPTR "lo"
#define PRIoMAX "jo"
#define PRIu8 "u"
#define PRIu16 "u"
#define PRIu32 "u"
#define PRIu64 "llu"
#define PRIuPTR "lu"
#define PRIuMAX "ju"
#define PRIx8 "x"
#define PRIx16 "x"
#define PRIx32 "x"
#define PRIx64 "llx"
#define PRIxPTR "lx"
#define PRIxMAX "jx"
#define PRIX8 "X"
#define PRIX16 "X"
#define PRIX32 "X"
#define PRIX64 "llX"
#define PRIXPTR "lX"
#define PRIXMAX "jX"
#define HWADDR_PRIx "llx"
#define HWADDR_PRIX "llX"
#define HWADDR_PRIu "llu"
#define HWADDR_PRId "lld"
#define HWADDR_FMT_plx "%016llx"
#define TARGET_FMT_lx "%016lx"
#define TARGET_FMT_lu "%lu"
#define TARGET_FMT_ld "%ld"
#define TARGET_FMT_plx "%016llx"
#define VADDR_PRIx "llx"
#define RAM_ADDR_FMT "%llx"
#define DMA_ADDR_FMT "%llx"
#define VIRTIO_FEATURES_FMT "%llx"
#define PRI_xen_pfn "lx"
#define PRI_xen_ulong "lx"
#define FMT_PCIBUS "%04x"

/* ---- macros that take a type as an argument: a type is not an expression, so without these
 * CDT loses the whole statement. The allocators keep their own name (a macro is not expanded
 * inside itself) so the IR still shows the call. ---- */
#define g_new(T, n) ((T *) g_new(sizeof(T), (n)))
#define g_new0(T, n) ((T *) g_new0(sizeof(T), (n)))
#define g_newa(T, n) ((T *) g_newa(sizeof(T), (n)))
#define g_try_new(T, n) ((T *) g_try_new(sizeof(T), (n)))
#define g_try_new0(T, n) ((T *) g_try_new0(sizeof(T), (n)))
#define g_renew(T, mem, n) ((T *) g_renew(sizeof(T), (mem), (n)))
#define g_try_renew(T, mem, n) ((T *) g_try_renew(sizeof(T), (mem), (n)))
#define container_of(ptr, type, member) container_of((ptr), (type *) 0, member)
#define DO_UPCAST(type, field, dev) container_of(dev, type, field)
#define offsetof(type, member) ((size_t) &((type *) 0)->member)
#define sizeof_field(type, field) sizeof(((type *) 0)->field)
#define typeof_field(type, field) __typeof__(((type *) 0)->field)

/* ---- versioned machine types (hw/boards.h): file-local DEFINE_*_MACHINE macros build
 * function names from these; one distinct name per invocation line. ---- */
#define MRCHECK_CAT_(a, b) a##b
#define MRCHECK_CAT(a, b) MRCHECK_CAT_(a, b)
#define MACHINE_VER_SYM(sym, prefix, ...) MRCHECK_CAT(prefix##_machine_##sym##_, __LINE__)
#define MACHINE_VER_STR(...) "version"
#define MACHINE_VER_TYPE_NAME(prefix, ...) prefix "-machine"
#define MACHINE_VER_DEPRECATION(...)
#define MACHINE_VER_DELETION(...)

/* ---- more type- or block-taking macros seen in hw/ ---- */
#define __int128 long long
#define endof(type, field) (offsetof(type, field) + sizeof_field(type, field))
#define DEFINE_PROP_LINK(_name, ...) { .name = (_name) }
#define DEFINE_PROP_ARRAY(_name, ...) { .name = (_name) }
#define v9fs_co_run_in_worker(...) do __VA_ARGS__ while (0)
#define g_assert_cmpint(a, op, b) ((void) ((a) op (b)))
#define g_assert_cmpuint(a, op, b) ((void) ((a) op (b)))
#define g_assert_cmphex(a, op, b) ((void) ((a) op (b)))
#define g_assert_cmpfloat(a, op, b) ((void) ((a) op (b)))
#define g_assert_cmpstr(a, op, b) ((void) ((a), (b)))
#define LIBUSB_CALL
#define FMT_pid "%d"
#define va_arg(ap, T) ((T) 0)
