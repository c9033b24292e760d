/**
 * The built-in fine-tuning regularisers: {@code l2-sp} (Li et al. 2018), {@code bss} (Chen et al.
 * 2019) and {@code lwf} (Li and Hoiem 2017).
 */
package dev.graft.plugins.regularizers;
