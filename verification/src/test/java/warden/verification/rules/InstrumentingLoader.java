package warden.verification.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * A child-first class loader over the test's class path that loads Warden's classes itself and
 * counts, in the kernel's classes, the bytecode instructions every basic block executes ({@link
 * WcetProbe#add}) and the instructions between entry and return of each kernel entry point. The
 * emulator, ports and launcher are loaded here too, so they drive the counted kernel; everything
 * else (java.base, the probe) comes from the parent.
 *
 * [impl->dsn~rj.wcet-cycles~1]
 */
final class InstrumentingLoader extends URLClassLoader {
    /** The kernel's entry points, by name in {@code warden.kernel.core.Kernel}; ids index WcetProbe. */
    static final List<String> ENTRIES = LoopBoundsTest.ENTRIES;
    private static final String KERNEL = "warden/kernel/";
    private static final String ENTRY_CLASS = "warden/kernel/core/Kernel";
    private static final String PROBE = WcetProbe.class.getName().replace('.', '/');

    InstrumentingLoader(URL[] path, ClassLoader parent) {
        super(path, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith("warden.") || name.equals(WcetProbe.class.getName())) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                String res = name.replace('.', '/') + ".class";
                URL url = findResource(res);
                if (url == null) {
                    return super.loadClass(name, resolve);
                }
                byte[] b;
                try (InputStream in = url.openStream()) {
                    b = in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (res.startsWith(KERNEL)) {
                    b = instrument(b);
                }
                c = defineClass(name, b, 0, b.length);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    /** @return the class with a probe call at the start of every basic block and around entry points. */
    static byte[] instrument(byte[] bytes) {
        ClassNode c = new ClassNode();
        new ClassReader(bytes).accept(c, 0);
        for (MethodNode m : c.methods) {
            if (m.instructions.size() == 0) {
                continue;
            }
            AbstractInsnNode[] insns = m.instructions.toArray();
            for (int[] b : BytecodeWcet.blocks(m)) {
                InsnList p = new InsnList();
                p.add(new LdcInsnNode(b[1]));
                p.add(new MethodInsnNode(Opcodes.INVOKESTATIC, PROBE, "add", "(I)V", false));
                m.instructions.insertBefore(insns[b[0]], p);
            }
            int entry = c.name.equals(ENTRY_CLASS) ? ENTRIES.indexOf(m.name) : -1;
            if (entry >= 0) {
                for (AbstractInsnNode n : insns) {
                    int op = n.getOpcode();
                    if (op >= Opcodes.IRETURN && op <= Opcodes.RETURN || op == Opcodes.ATHROW) {
                        m.instructions.insertBefore(n,
                                new MethodInsnNode(Opcodes.INVOKESTATIC, PROBE, "exit", "()V", false));
                    }
                }
                InsnList p = new InsnList();
                p.add(new IntInsnNode(Opcodes.BIPUSH, entry));
                p.add(new MethodInsnNode(Opcodes.INVOKESTATIC, PROBE, "enter", "(I)V", false));
                m.instructions.insert(p);
            }
        }
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        c.accept(w);
        return w.toByteArray();
    }
}
